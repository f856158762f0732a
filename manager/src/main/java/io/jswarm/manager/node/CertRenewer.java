package io.jswarm.manager.node;

import io.jswarm.manager.api.Wire;
import io.jswarm.manager.ca.NodeCredentials;
import io.jswarm.manager.ca.NodeIdentity;
import io.jswarm.manager.ca.Pem;
import io.jswarm.manager.ca.ReloadableKeyManager;
import io.jswarm.manager.ca.Renewal;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.client.ApiClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this node's certificate once half its lifetime has passed: a new key, a certificate for
 * it from a manager, saved to the data directory and swapped into every TLS stack of the node
 * ({@link ReloadableKeyManager}), so connections keep working across the change.
 */
final class CertRenewer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertRenewer.class);
    private static final long CHECK_MILLIS = 1000;

    private final Vertx vertx;
    private final NodeFiles files;
    private final ApiClient client;
    private final ReloadableKeyManager keys;
    private final Supplier<List<String>> managers;
    private final Clock clock;
    private final Consumer<NodeCredentials> renewed;
    private final long timer;
    private volatile NodeCredentials current;
    private boolean inFlight;

    CertRenewer(Vertx vertx, NodeFiles files, ApiClient client, ReloadableKeyManager keys, NodeCredentials current,
                Supplier<List<String>> managers, Clock clock, Consumer<NodeCredentials> renewed) {
        this.vertx = vertx;
        this.files = files;
        this.client = client;
        this.keys = keys;
        this.current = current;
        this.managers = managers;
        this.clock = clock;
        this.renewed = renewed;
        this.timer = vertx.setPeriodic(CHECK_MILLIS, id -> check());
    }

    private void check() {
        if (inFlight || !Renewal.due(current.certificate(), clock.instant())) {
            return;
        }
        inFlight = true;
        KeyPair kp = RootCa.newKeyPair();
        tryManagers(managers.get(), 0, kp).onComplete(ar -> {
            inFlight = false;
            if (ar.failed()) {
                LOG.warn("certificate renewal failed (will retry): {}", ar.cause().getMessage());
            }
        });
    }

    private Future<Void> tryManagers(List<String> addrs, int i, KeyPair kp) {
        if (i >= addrs.size()) {
            return Future.failedFuture("no manager answered");
        }
        return client.call(addrs.get(i), HttpMethod.POST, "/v1/certificates/renew", new Wire.RenewCall(Pem.write(kp.getPublic())))
                .compose(r -> {
                    if (!r.ok()) {
                        return Future.failedFuture(r.error());
                    }
                    X509Certificate cert = Pem.certificate(r.as(Wire.RenewAnswer.class).certificatePem());
                    NodeIdentity before = current.identity();
                    NodeIdentity after = NodeIdentity.of(cert);
                    if (!after.nodeId().equals(before.nodeId()) || !new RootCa(current.ca(), null).issued(cert, clock)) {
                        return Future.failedFuture("the manager answered with a certificate for someone else");
                    }
                    NodeCredentials next = new NodeCredentials(kp.getPrivate(), cert, current.ca());
                    return vertx.executeBlocking(() -> {
                        next.save(files.certs());
                        return null;
                    }, false).map(v -> {
                        keys.reload(next);
                        current = next;
                        renewed.accept(next);
                        LOG.info("renewed this node's certificate (role {}), valid until {}", after.role(), cert.getNotAfter());
                        return (Void) null;
                    });
                })
                .recover(e -> tryManagers(addrs, i + 1, kp));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
