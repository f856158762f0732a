package io.jswarm.manager.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.HealthState;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.compose.LoadResult;
import io.jswarm.manager.api.StoreServiceWriter;
import io.jswarm.manager.stack.ServiceWriter;
import io.jswarm.manager.stack.StackApplier;
import io.jswarm.manager.stack.StackException;
import io.jswarm.manager.stack.StackFixtures;
import io.jswarm.manager.stack.StackPlan;
import io.jswarm.manager.stack.StackPlanner;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stack deploys on one in-process manager with fake workers: the applier creates services in
 * depends_on order and only once each dependency meets its condition (started, healthy,
 * completed), and gives up with the reason when a dependency never gets there.
 */
class StackDeployTest {
    private final InProcessCluster c = new InProcessCluster().start();
    /** What the dependencies looked like at each write: "create shop_web [shop_migrate: COMPLETE/-]". */
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        c.close();
    }

    /** The real writer, recording the state of every other service's tasks at the moment of each create. */
    private ServiceWriter recording() {
        StoreServiceWriter real = new StoreServiceWriter(c.store);
        return new ServiceWriter() {
            @Override
            public void create(ServiceSpec spec) {
                writes.add("create " + spec.name() + " " + taskStates());
                real.create(spec);
            }

            @Override
            public void update(Service current, ServiceSpec spec) {
                writes.add("update " + spec.name());
                real.update(current, spec);
            }

            @Override
            public void remove(Service current) {
                writes.add("remove " + current.spec().name());
                real.remove(current);
            }
        };
    }

    /** Per service, its tasks as STATE/health, e.g. {@code shop_db=[RUNNING/HEALTHY]}. */
    private String taskStates() {
        return c.store.view(tx -> {
            List<String> out = new ArrayList<>();
            for (Service s : tx.list(Kind.SERVICES)) {
                List<String> states = tx.find(Kind.TASKS, t -> t.serviceId().equals(s.id())).stream()
                        .map(t -> t.status().state() + "/" + (t.status().health() == null ? "-" : t.status().health())).toList();
                out.add(s.spec().name() + "=" + states);
            }
            return String.join(" ", out);
        });
    }

    private CompletableFuture<List<StackPlan.Step>> deploy(LoadResult r, Duration timeout) {
        StackPlan plan = c.store.view(tx -> StackPlanner.plan(r.stackName(), r.services(), r.order(), tx.list(Kind.SERVICES), true));
        StackApplier applier = new StackApplier(c.store, recording(), c.clock);
        return CompletableFuture.supplyAsync(() -> applier.apply(plan, io.jswarm.manager.stack.StackWire.waits(r.deployments()), timeout));
    }

    private Service service(String name) {
        return c.store.view(tx -> tx.find(Kind.SERVICES, s -> s.spec().name().equals(name)).stream().findFirst().orElse(null));
    }

    @Test
    void createsEachServiceOnlyOnceItsDependencyIsHealthyOrCompleted() throws Exception {
        c.addNode("n1");
        List<StackPlan.Step> done = deploy(StackFixtures.load("shop", StackFixtures.SHOP), Duration.ofMinutes(1))
                .get(20, TimeUnit.SECONDS);
        assertEquals(List.of("shop_db", "shop_migrate", "shop_web"), done.stream().map(StackPlan.Step::service).toList());
        assertEquals(3, writes.size(), writes.toString());
        assertEquals("create shop_db ", writes.get(0));
        assertTrue(writes.get(1).startsWith("create shop_migrate ") && writes.get(1).contains("shop_db=[RUNNING/HEALTHY]"),
                "migrate must wait for a healthy db: " + writes);
        assertTrue(writes.get(2).contains("shop_migrate=[COMPLETE/-]"), "web must wait for migrate to complete: " + writes);
        c.awaitRunning(service("shop_web").id(), 2);
    }

    @Test
    void shortDependsOnWaitsUntilTheDependencyRuns() throws Exception {
        c.addNode("n1");
        String yaml = """
                services:
                  api:
                    image: busybox:latest
                    depends_on: [cache]
                  cache:
                    image: busybox:latest
                    deploy: {replicas: 2}
                """;
        deploy(StackFixtures.load("app", yaml), Duration.ofMinutes(1)).get(20, TimeUnit.SECONDS);
        assertEquals("create app_cache ", writes.get(0));
        assertTrue(writes.get(1).matches("create app_api app_cache=\\[RUNNING/-, RUNNING/-\\]"),
                "api must wait for both cache replicas: " + writes);
    }

    @Test
    void aDependencyThatNeverBecomesHealthyFailsTheDeployWithTheReasonAtTheDeadline() {
        c.addNode("n1");
        LoadResult r = StackFixtures.load("shop", StackFixtures.SHOP.replace("command: [\"sleep\", \"3600\"]",
                "command: [\"never-healthy\"]"));
        CompletableFuture<List<StackPlan.Step>> running = deploy(r, Duration.ofSeconds(30));
        Await.until("shop_db running, health starting", InProcessCluster.WAIT, this::taskStates,
                s -> s.contains("shop_db=[RUNNING/STARTING]"));
        assertFalse(running.isDone(), "the deploy waits while db is starting");
        c.clock.advance(Duration.ofSeconds(31));
        Throwable failure = Await.until("the deploy to fail", InProcessCluster.WAIT,
                () -> running.handle((v, e) -> e).getNow(null), e -> e != null);
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        assertTrue(cause instanceof StackException, String.valueOf(cause));
        assertEquals("shop_migrate", ((StackException) cause).service());
        assertTrue(cause.getMessage().startsWith("shop_migrate: waited 30s for shop_db to be healthy; last seen: "
                + "0 of 1 tasks healthy (1 running); task "), cause.getMessage());
        assertTrue(cause.getMessage().contains("health starting"), cause.getMessage());
        assertEquals(null, service("shop_migrate"), "nothing after the failed wait is created");
        assertEquals(null, service("shop_web"));
        List<Task> db = c.tasks(service("shop_db").id());
        assertEquals(HealthState.STARTING, db.get(0).status().health());
        assertEquals(TaskState.RUNNING, db.get(0).status().state());
    }

    @Test
    void redeployingTheSameFileWritesNothingAndRestartsNoTask() throws Exception {
        c.addNode("n1");
        deploy(StackFixtures.load("shop", StackFixtures.SHOP), Duration.ofMinutes(1)).get(20, TimeUnit.SECONDS);
        String web = service("shop_web").id();
        List<String> tasksBefore = c.awaitRunning(web, 2).stream().map(Task::id).sorted().toList();
        long versionBefore = service("shop_web").version();
        writes.clear();
        List<StackPlan.Step> again = deploy(StackFixtures.load("shop", StackFixtures.SHOP), Duration.ofMinutes(1))
                .get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), again);
        assertEquals(List.of(), writes);
        assertEquals(versionBefore, service("shop_web").version());
        assertEquals(tasksBefore, c.running(web).stream().map(Task::id).sorted().toList());
    }
}
