package io.jswarm.manager.api;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.compose.ComposeException;
import io.jswarm.compose.ComposeLoader;
import io.jswarm.compose.ComposeProblem;
import io.jswarm.compose.LoadOptions;
import io.jswarm.compose.LoadResult;
import io.jswarm.manager.stack.StackApplier;
import io.jswarm.manager.stack.StackException;
import io.jswarm.manager.stack.StackPlan;
import io.jswarm.manager.stack.StackPlanner;
import io.jswarm.manager.stack.StackWire;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code /v1/stacks}: deploy (YAML from the dashboard, or JSON specs from the CLI), list, remove.
 * A stack is the set of services labelled {@link StackPlanner#NAMESPACE_LABEL}. A deploy is
 * checked whole before anything is written (compose problems: 400 with file:line:col; invalid
 * specs: 400 naming the field; a name taken outside the stack: 409), then planned and applied on
 * its own thread, because depends_on waits may take minutes; the answer comes when every step is
 * applied (or with the failure naming the service, 424). One deploy per stack at a time.
 */
public final class StackApi {
    /** The name a YAML body is reported under (the compose spec's default file name). */
    static final String YAML_FILE = "compose.yaml";
    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    private static final String DASHBOARD_FILES = "a deploy of pasted YAML carries only the compose file; "
            + "deploy files it refers to with `jswarm stack deploy -c FILE`";

    private final ClusterStore store;
    private final StackApplier applier;
    private final Set<String> deploying = ConcurrentHashMap.newKeySet();

    public StackApi(ClusterStore store, Clock clock) {
        this.store = store;
        this.applier = new StackApplier(store, new StoreServiceWriter(store), clock);
    }

    public void mount(Router router) {
        router.get("/v1/stacks").handler(ctx -> HttpJson.handle(ctx, ServiceApi.managers(c -> Future.succeededFuture(list()))));
        router.post("/v1/stacks/:name").handler(this::deployRoute);
        router.delete("/v1/stacks/:name").handler(ctx -> HttpJson.handle(ctx, ServiceApi.managers(this::remove)));
    }

    private List<StackWire.StackSummary> list() {
        Map<String, Integer> counts = new TreeMap<>();
        store.view(tx -> tx.list(Kind.SERVICES)).forEach(s -> {
            String stack = s.spec().labels().get(StackPlanner.NAMESPACE_LABEL);
            if (stack != null) {
                counts.merge(stack, 1, Integer::sum);
            }
        });
        List<StackWire.StackSummary> out = new ArrayList<>();
        counts.forEach((name, n) -> out.add(new StackWire.StackSummary(name, n)));
        return out;
    }

    private static String stackName(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (name == null || !STACK_NAME.matcher(name).matches()) {
            throw ApiException.badInput("name", "a stack name is 1 to 63 letters, digits, '_', '.' or '-', starting with a "
                    + "letter or digit, got \"" + name + "\"");
        }
        return name;
    }

    /** Like {@link HttpJson#handle}, plus compose problems answered as a list (what the dashboard shows by line). */
    private void deployRoute(RoutingContext ctx) {
        Future<?> f;
        try {
            Caller.of(ctx).require(io.jswarm.api.node.NodeRole.MANAGER);
            f = deploy(ctx);
        } catch (ComposeException e) {
            HttpJson.ok(ctx, 400, new StackWire.ProblemsBody(e.getMessage(), null, wire(e.problems())));
            return;
        } catch (RuntimeException e) {
            HttpJson.fail(ctx, e);
            return;
        }
        f.onComplete(ar -> {
            if (ar.succeeded()) {
                HttpJson.ok(ctx, 200, ar.result());
            } else {
                HttpJson.fail(ctx, ar.cause());
            }
        });
    }

    private Future<?> deploy(RoutingContext ctx) {
        String stack = stackName(ctx);
        String type = ctx.request().getHeader("content-type");
        if (type != null && type.contains("json")) {
            StackWire.DeployRequest req = HttpJson.body(ctx, StackWire.DeployRequest.class);
            Duration timeout = req.timeoutSeconds() == null ? StackApplier.DEFAULT_TIMEOUT : timeout(req.timeoutSeconds());
            return start(stack, req.services(), req.order(), req.dependsOn(), req.prune(), timeout, List.of());
        }
        LoadResult loaded = loadYaml(ctx, stack);
        String t = ctx.queryParams().get("timeout");
        Duration timeout = t == null ? StackApplier.DEFAULT_TIMEOUT : timeout(parseSeconds(t));
        return start(stack, loaded.services(), loaded.order(), StackWire.waits(loaded.deployments()),
                "true".equals(ctx.queryParams().get("prune")), timeout, wire(loaded.warnings()));
    }

    /**
     * The YAML body as the only file: no process environment of the manager leaks into it, a
     * missing {@code .env} is simply absent, and files it refers to (env_file, secrets) are
     * refused with the reason instead of being read from the manager's disk.
     */
    private static LoadResult loadYaml(RoutingContext ctx, String stack) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badInput("", "request body must be a compose file (YAML)");
        }
        byte[] yaml = text.getBytes(StandardCharsets.UTF_8);
        Path file = Path.of(YAML_FILE);
        Set<String> profiles = new HashSet<>(ctx.queryParams().getAll("profile"));
        return ComposeLoader.load(List.of(file), new LoadOptions(Map.of(), List.of(), profiles, stack), p -> {
            if (p.equals(file)) {
                return yaml;
            }
            if (p.getFileName() != null && p.getFileName().toString().equals(".env")) {
                throw new NoSuchFileException(p.toString());
            }
            throw new IOException(DASHBOARD_FILES);
        });
    }

    private static List<StackWire.Problem> wire(List<ComposeProblem> problems) {
        return problems.stream().map(p -> new StackWire.Problem(p.file(), p.line(), p.column(), p.path(), p.message())).toList();
    }

    private static long parseSeconds(String t) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw ApiException.badInput("timeout", "must be a number of seconds, got \"" + t + "\"");
        }
    }

    private static Duration timeout(long seconds) {
        if (seconds < 1 || seconds > 86_400) {
            throw ApiException.badInput("timeoutSeconds", "must be between 1 and 86400, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    private Future<StackWire.DeployAnswer> start(String stack, List<ServiceSpec> specs, List<String> order, List<StackWire.Wait> waits,
            boolean prune, Duration timeout, List<StackWire.Problem> warnings) {
        for (ServiceSpec spec : specs) {
            ServiceApi.check(spec); // every spec valid before anything is written
        }
        if (!deploying.add(stack)) {
            throw new ApiException(409, null, "stack " + stack + " is being deployed already; wait for that deploy to finish");
        }
        CompletableFuture<StackWire.DeployAnswer> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                StackPlan plan;
                try {
                    plan = store.view(tx -> StackPlanner.plan(stack, specs, order, tx.list(Kind.SERVICES), prune));
                } catch (StackException e) {
                    throw new ApiException(409, null, e.getMessage());
                }
                try {
                    applier.apply(plan, waits, timeout);
                } catch (StackException e) {
                    throw new ApiException(424, null, e.getMessage());
                }
                answer.complete(new StackWire.DeployAnswer(stack, actions(plan), warnings));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            } finally {
                deploying.remove(stack);
            }
        }, "stack-deploy-" + stack);
        t.setDaemon(true);
        t.start();
        return Future.fromCompletionStage(answer);
    }

    private static List<StackWire.Action> actions(StackPlan plan) {
        List<StackWire.Action> out = new ArrayList<>();
        plan.steps().forEach(s -> out.add(new StackWire.Action(s.service(), s.action())));
        plan.unchanged().forEach(n -> out.add(new StackWire.Action(n, "unchanged")));
        return out;
    }

    private Future<?> remove(RoutingContext ctx) {
        String stack = stackName(ctx);
        return Future.fromCompletionStage(store.update(tx -> {
            List<String> removed = new ArrayList<>();
            for (Service s : tx.find(Kind.SERVICES, s -> StackPlanner.inStack(s, stack))) {
                StoreServiceWriter.remove(tx, s);
                removed.add(s.spec().name());
            }
            removed.sort(null);
            return new StackWire.RemoveAnswer(stack, removed);
        }));
    }
}
