package io.jswarm.manager.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import io.jswarm.api.task.ContainerSpec;
import io.jswarm.api.task.TaskSpec;
import io.jswarm.compose.LoadResult;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.Kind;
import io.jswarm.testkit.FakeClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure plan, with specs from real compose files stored through the store's JSON (as a deploy does). */
class StackPlannerTest {
    private final ClusterStore store = ClusterStore.inMemory(new FakeClock());

    private List<Service> stored() {
        return store.view(tx -> tx.list(Kind.SERVICES));
    }

    /** Writes what the plan says, as the applier would (without waiting): the next plan sees the result. */
    private void perform(StackPlan plan) {
        store.update(tx -> {
            for (StackPlan.Step s : plan.steps()) {
                if (s instanceof StackPlan.Create c) {
                    tx.create(Kind.SERVICES, new Service("id-" + c.spec().name(), null, c.spec(), null));
                } else if (s instanceof StackPlan.Update u) {
                    tx.update(Kind.SERVICES, new Service(u.current().id(), u.current().meta(), u.spec(), u.current().spec()));
                } else if (s instanceof StackPlan.Remove r) {
                    tx.delete(Kind.SERVICES, r.current().id(), r.current().version());
                }
            }
            return null;
        }).join();
    }

    private static StackPlan plan(LoadResult r, List<Service> stored, boolean prune) {
        return StackPlanner.plan(r.stackName(), r.services(), r.order(), stored, prune);
    }

    private static List<String> steps(StackPlan p) {
        return p.steps().stream().map(s -> s.action() + " " + s.service()).toList();
    }

    @Test
    void firstDeployCreatesEveryServiceDependenciesFirst() {
        StackPlan p = plan(StackFixtures.load("shop", StackFixtures.SHOP), stored(), false);
        assertEquals(List.of("create shop_db", "create shop_migrate", "create shop_web"), steps(p));
        assertEquals(List.of(), p.unchanged());
    }

    @Test
    void deployingTheSameFileTwiceIsAnEmptyPlan() {
        LoadResult r = StackFixtures.load("shop", StackFixtures.SHOP);
        perform(plan(r, stored(), false));
        StackPlan again = plan(StackFixtures.load("shop", StackFixtures.SHOP), stored(), true);
        assertTrue(again.isEmpty(), () -> "expected nothing to do, got " + steps(again));
        assertEquals(List.of("shop_db", "shop_migrate", "shop_web"), again.unchanged());
    }

    @Test
    void changingOneServiceUpdatesOnlyThatOne() {
        perform(plan(StackFixtures.load("shop", StackFixtures.SHOP), stored(), false));
        LoadResult changed = StackFixtures.load("shop", StackFixtures.SHOP.replace("replicas: 2", "replicas: 3"));
        StackPlan p = plan(changed, stored(), true);
        assertEquals(List.of("update shop_web"), steps(p));
        StackPlan.Update u = (StackPlan.Update) p.steps().get(0);
        assertEquals("shop_web", u.current().spec().name());
        perform(p);
        assertTrue(plan(changed, stored(), true).isEmpty());
    }

    @Test
    void pruneRemovesServicesNoLongerInTheFileAndNothingOfOtherStacks() {
        perform(plan(StackFixtures.load("shop", StackFixtures.SHOP), stored(), false));
        perform(plan(StackFixtures.load("blog", "services:\n  web:\n    image: busybox:latest\n"), stored(), false));
        store.update(tx -> {
            tx.create(Kind.SERVICES, new Service("id-lone", null, new ServiceSpec("lone", Map.of(),
                    TaskSpec.of(ContainerSpec.of("busybox")), null, null, null, null), null));
            return null;
        }).join();
        String smaller = """
                services:
                  db:
                    image: busybox:latest
                    command: ["sleep", "3600"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                """;
        LoadResult r = StackFixtures.load("shop", smaller);
        assertEquals(List.of(), steps(plan(r, stored(), false)), "without prune, unlisted services stay");
        StackPlan pruned = plan(r, stored(), true);
        assertEquals(List.of("remove shop_migrate", "remove shop_web"), steps(pruned));
        perform(pruned);
        assertEquals(List.of("blog_web", "lone", "shop_db"), stored().stream().map(s -> s.spec().name()).sorted().toList());
    }

    @Test
    void aNameTakenOutsideTheStackIsRefusedBeforeAnythingIsPlanned() {
        store.update(tx -> {
            tx.create(Kind.SERVICES, new Service("id-x", null, new ServiceSpec("shop_web", Map.of(),
                    TaskSpec.of(ContainerSpec.of("busybox")), null, null, null, null), null));
            return null;
        }).join();
        StackException e = assertThrows(StackException.class,
                () -> plan(StackFixtures.load("shop", StackFixtures.SHOP), stored(), false));
        assertEquals("shop_web", e.service());
        assertTrue(e.getMessage().contains("already exists outside this stack"), e.getMessage());
    }

    @Test
    void aSpecWithoutTheStackLabelIsRefused() {
        ServiceSpec foreign = new ServiceSpec("shop_x", Map.of(), TaskSpec.of(ContainerSpec.of("busybox")), null, null, null, null);
        StackException e = assertThrows(StackException.class,
                () -> StackPlanner.plan("shop", List.of(foreign), List.of("shop_x"), List.of(), false));
        assertTrue(e.getMessage().startsWith("shop_x: is not labelled com.docker.stack.namespace=shop"), e.getMessage());
    }
}
