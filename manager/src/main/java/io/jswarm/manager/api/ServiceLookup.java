package io.jswarm.manager.api;

import io.jswarm.api.service.Service;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.ReadTx;
import java.util.List;
import java.util.Optional;

/** Finds a service as docker does: full id, exact name, then a unique id prefix. */
final class ServiceLookup {
    private ServiceLookup() {}

    static Service find(ReadTx tx, String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.badInput("service", "must not be empty");
        }
        Optional<Service> byId = tx.get(Kind.SERVICES, key);
        if (byId.isPresent()) {
            return byId.get();
        }
        Optional<Service> byName = byName(tx, key);
        if (byName.isPresent()) {
            return byName.get();
        }
        List<Service> prefixed = tx.find(Kind.SERVICES, s -> s.id().startsWith(key));
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.size() > 1) {
            throw ApiException.badInput("service", "\"" + key + "\" matches " + prefixed.size() + " services; use more of the id");
        }
        throw ApiException.notFound("service \"" + key + "\"");
    }

    static Optional<Service> byName(ReadTx tx, String name) {
        return tx.find(Kind.SERVICES, s -> s.spec().name().equals(name)).stream().findFirst();
    }
}
