package io.jswarm.manager.api;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.node.Ids;
import io.jswarm.manager.stack.ServiceWriter;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.Mutation;
import io.jswarm.manager.store.StoredObject;
import io.jswarm.manager.store.WriteTx;

/**
 * The deploy's writes with the rules of {@link ServiceApi}: a name row per service (unique names),
 * updates guarded by the version read when planning, removal marking the tasks REMOVE. Each call
 * blocks until its change is applied on this manager.
 */
public final class StoreServiceWriter implements ServiceWriter {
    private final ClusterStore store;

    public StoreServiceWriter(ClusterStore store) {
        this.store = store;
    }

    @Override
    public void create(ServiceSpec spec) {
        String id = Ids.newId();
        store.update(tx -> {
            if (ServiceLookup.byName(tx, spec.name()).isPresent()) {
                throw new ApiException(409, "name", "a service named \"" + spec.name() + "\" already exists");
            }
            tx.create(Kind.SERVICES, new Service(id, null, spec, null));
            tx.create(Kind.OBJECTS, new StoredObject(ServiceApi.NAME_KEY + spec.name(), null, id));
            return null;
        }).join();
    }

    @Override
    public void update(Service current, ServiceSpec spec) {
        store.update(tx -> {
            Service now = tx.get(Kind.SERVICES, current.id()).orElseThrow(() -> ApiException.notFound("service \"" + current.spec().name() + "\""));
            if (now.version() != current.version()) {
                throw new ApiException(409, "version", "service " + now.spec().name() + " changed during the deploy; deploy again");
            }
            tx.update(Kind.SERVICES, new Service(now.id(), now.meta(), spec, now.spec()));
            return null;
        }).join();
    }

    @Override
    public void remove(Service current) {
        store.update(tx -> {
            remove(tx, current);
            return null;
        }).join();
    }

    /** Deletes a service, its name row, and asks its tasks to go (the reaper deletes them once stopped). */
    static void remove(WriteTx tx, Service s) {
        for (Task t : tx.find(Kind.TASKS, t -> t.serviceId().equals(s.id()))) {
            if (t.desiredState().ordinal() < TaskState.REMOVE.ordinal()) {
                tx.update(Kind.TASKS, t.withDesiredState(TaskState.REMOVE));
            }
        }
        tx.delete(Kind.SERVICES, s.id(), Mutation.ANY_VERSION);
        if (tx.get(Kind.OBJECTS, ServiceApi.NAME_KEY + s.spec().name()).isPresent()) {
            tx.delete(Kind.OBJECTS, ServiceApi.NAME_KEY + s.spec().name(), Mutation.ANY_VERSION);
        }
    }
}
