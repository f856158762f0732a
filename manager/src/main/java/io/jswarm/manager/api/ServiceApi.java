package io.jswarm.manager.api;

import io.jswarm.api.node.NodeRole;
import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.PublishMode;
import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.api.validate.Problem;
import io.jswarm.api.validate.ServiceSpecValidator;
import io.jswarm.api.validate.ValidationException;
import io.jswarm.manager.node.Ids;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.ConflictException;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.Mutation;
import io.jswarm.manager.store.ReadTx;
import io.jswarm.manager.store.StoredObject;
import io.jswarm.manager.store.WriteTx;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * {@code /v1/services}: create, list, inspect, update, scale and remove services (api-contract.md).
 * The API only writes specs; the orchestrator turns them into tasks. Names are unique: each
 * service also owns a {@code service-name/<name>} row, created in the same change, so two
 * concurrent creates of one name conflict when applied, on every manager alike.
 */
public final class ServiceApi {
    static final String NAME_KEY = "service-name/";
    static final String INGRESS_REFUSED = "publish mode ingress needs the routing mesh, which is not available in this "
            + "build yet; publish with mode=host (e.g. -p published=8080,target=80,mode=host)";

    private final ClusterStore store;

    public ServiceApi(ClusterStore store) {
        this.store = store;
    }

    public void mount(Router router) {
        router.get("/v1/services").handler(ctx -> HttpJson.handle(ctx, managers(c -> Future.succeededFuture(list()))));
        router.post("/v1/services").handler(ctx -> answer(ctx, 201, managers(this::create)));
        router.get("/v1/services/:key").handler(ctx -> HttpJson.handle(ctx, managers(c -> Future.succeededFuture(
                store.view(tx -> view(tx, ServiceLookup.find(tx, c.pathParam("key"))))))));
        router.post("/v1/services/:key/update").handler(ctx -> HttpJson.handle(ctx, managers(this::update)));
        router.post("/v1/services/:key/scale").handler(ctx -> HttpJson.handle(ctx, managers(this::scale)));
        router.delete("/v1/services/:key").handler(ctx -> answer(ctx, 204, managers(this::remove)));
    }

    static Function<RoutingContext, Future<?>> managers(Function<RoutingContext, Future<?>> handler) {
        return ctx -> {
            Caller.of(ctx).require(NodeRole.MANAGER);
            return handler.apply(ctx);
        };
    }

    /** Like {@link HttpJson#handle} with another success status (201 created, 204 no content). */
    static void answer(RoutingContext ctx, int status, Function<RoutingContext, Future<?>> handler) {
        Future<?> f;
        try {
            f = handler.apply(ctx);
        } catch (RuntimeException e) {
            HttpJson.fail(ctx, e);
            return;
        }
        f.onComplete(ar -> {
            if (ar.failed()) {
                HttpJson.fail(ctx, ar.cause());
            } else if (status == 204) {
                ctx.response().setStatusCode(204).end();
            } else {
                HttpJson.ok(ctx, status, ar.result());
            }
        });
    }

    private List<ServiceWire.ServiceView> list() {
        return store.view(tx -> {
            List<Task> tasks = tx.list(Kind.TASKS);
            var nodes = tx.list(Kind.NODES);
            List<ServiceWire.ServiceView> out = new ArrayList<>();
            for (Service s : tx.list(Kind.SERVICES)) {
                out.add(ServiceViews.of(s, tasks, nodes));
            }
            out.sort((a, b) -> a.service().spec().name().compareTo(b.service().spec().name()));
            return out;
        });
    }

    static ServiceWire.ServiceView view(ReadTx tx, Service s) {
        return ServiceViews.of(s, tx.find(Kind.TASKS, t -> t.serviceId().equals(s.id())), tx.list(Kind.NODES));
    }

    /** Validates a spec as a whole; the first problem names the field in the 400 answer. */
    static void check(ServiceSpec spec) {
        List<Problem> problems = new ArrayList<>(ServiceSpecValidator.validate(spec));
        if (spec != null) {
            List<PortConfig> ports = spec.endpoint().ports();
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i) != null && ports.get(i).publishMode() == PublishMode.INGRESS) {
                    problems.add(new Problem("endpoint.ports[" + i + "].publishMode", INGRESS_REFUSED));
                }
            }
        }
        ValidationException.throwIfAny(problems);
    }

    private Future<?> create(RoutingContext ctx) {
        ServiceSpec spec = HttpJson.body(ctx, ServiceSpec.class);
        check(spec);
        String id = Ids.newId();
        return Future.fromCompletionStage(store.update(tx -> {
            requireFreeName(tx, spec.name());
            tx.create(Kind.SERVICES, new Service(id, null, spec, null));
            tx.create(Kind.OBJECTS, new StoredObject(NAME_KEY + spec.name(), null, id));
            return new ServiceWire.CreateAnswer(id, List.of());
        }).exceptionally(e -> {
            throw nameTaken(e, spec.name());
        }));
    }

    private static void requireFreeName(ReadTx tx, String name) {
        if (ServiceLookup.byName(tx, name).isPresent()) {
            throw new ApiException(409, "name", "a service named \"" + name + "\" already exists");
        }
    }

    /** A conflict while creating can only be the name row: another create of the same name won. */
    private static RuntimeException nameTaken(Throwable e, String name) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ConflictException) {
            return new ApiException(409, "name", "a service named \"" + name + "\" already exists");
        }
        return cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }

    private Future<?> update(RoutingContext ctx) {
        String versionText = ctx.queryParams().get("version");
        if (versionText == null || versionText.isBlank()) {
            throw ApiException.badInput("version", "required: the version of the service you read (optimistic concurrency)");
        }
        long version;
        try {
            version = Long.parseLong(versionText);
        } catch (NumberFormatException e) {
            throw ApiException.badInput("version", "must be a number, got \"" + versionText + "\"");
        }
        ServiceSpec spec = HttpJson.body(ctx, ServiceSpec.class);
        check(spec);
        String key = ctx.pathParam("key");
        return Future.fromCompletionStage(store.update(tx -> {
            Service old = ServiceLookup.find(tx, key);
            if (old.version() != version) {
                throw new ApiException(409, "version", "service " + old.spec().name() + " is at version " + old.version()
                        + ", not " + version + "; read it again and retry");
            }
            if (!old.spec().name().equals(spec.name())) {
                requireFreeName(tx, spec.name());
                tx.delete(Kind.OBJECTS, NAME_KEY + old.spec().name(), Mutation.ANY_VERSION);
                tx.create(Kind.OBJECTS, new StoredObject(NAME_KEY + spec.name(), null, old.id()));
            }
            tx.update(Kind.SERVICES, new Service(old.id(), old.meta(), spec, old.spec()));
            return old.id();
        })).map(id -> new ServiceWire.UpdateAnswer(id, store.view(tx -> tx.get(Kind.SERVICES, id)).map(Service::version).orElse(0L)));
    }

    private Future<?> scale(RoutingContext ctx) {
        ServiceWire.ScaleRequest req = HttpJson.body(ctx, ServiceWire.ScaleRequest.class);
        if (req.replicas() == null) {
            throw ApiException.badInput("replicas", "required");
        }
        int n = req.replicas();
        if (n < 0 || n > ServiceSpecValidator.MAX_REPLICAS) {
            throw ApiException.badInput("replicas", "must be between 0 and " + ServiceSpecValidator.MAX_REPLICAS + ", got " + n);
        }
        String key = ctx.pathParam("key");
        return Future.fromCompletionStage(store.update(tx -> {
            Service old = ServiceLookup.find(tx, key);
            if (!(old.spec().mode() instanceof ServiceMode.Replicated)) {
                throw ApiException.badInput("replicas", "service " + old.spec().name() + " is "
                        + old.spec().mode().displayName() + "; only replicated services can be scaled");
            }
            ServiceSpec s = old.spec();
            tx.update(Kind.SERVICES, new Service(old.id(), old.meta(), new ServiceSpec(s.name(), s.labels(), s.task(),
                    new ServiceMode.Replicated(n), s.update(), s.rollback(), s.endpoint()), s));
            return old.id();
        })).map(id -> new ServiceWire.UpdateAnswer(id, store.view(tx -> tx.get(Kind.SERVICES, id)).map(Service::version).orElse(0L)));
    }

    private Future<?> remove(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        return Future.fromCompletionStage(store.update(tx -> {
            Service s = ServiceLookup.find(tx, key);
            removeTasks(tx, s.id());
            tx.delete(Kind.SERVICES, s.id(), s.version());
            if (tx.get(Kind.OBJECTS, NAME_KEY + s.spec().name()).isPresent()) {
                tx.delete(Kind.OBJECTS, NAME_KEY + s.spec().name(), Mutation.ANY_VERSION);
            }
            return null;
        }));
    }

    private static void removeTasks(WriteTx tx, String serviceId) {
        for (Task t : tx.find(Kind.TASKS, t -> t.serviceId().equals(serviceId))) {
            if (t.desiredState().ordinal() < TaskState.REMOVE.ordinal()) {
                tx.update(Kind.TASKS, t.withDesiredState(TaskState.REMOVE));
            }
        }
    }
}
