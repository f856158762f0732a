package io.jswarm.scheduler.restart;

import static io.jswarm.scheduler.Fixtures.at;
import static io.jswarm.scheduler.Fixtures.replicated;
import static io.jswarm.scheduler.Fixtures.stopped;
import static io.jswarm.scheduler.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.service.Service;
import io.jswarm.api.task.RestartCondition;
import io.jswarm.api.task.RestartPolicy;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestartMathsTest {
    private static final Service SVC = replicated("web", 1);

    private static RestartPolicy policy(RestartCondition c, Integer delaySeconds, Integer max, Integer windowSeconds) {
        return new RestartPolicy(c, delaySeconds == null ? null : Duration.ofSeconds(delaySeconds), max,
                windowSeconds == null ? null : Duration.ofSeconds(windowSeconds));
    }

    /** One stopped task: created at 0 s, stopped (in {@code state}) at 10 s. */
    private static List<Task> single(TaskState state) {
        return List.of(stopped("t1", SVC, 1, "n1", state, at(0), at(10)));
    }

    /**
     * A slot that failed {@code attempts + 1} times: task i is created at {@code i * spacing} s and
     * fails 1 s later; the last one is the task being decided on.
     */
    private static List<Task> failures(int attempts, int spacing) {
        List<Task> h = new ArrayList<>();
        for (int i = 0; i <= attempts; i++) {
            Task t = stopped("t" + i, SVC, 1, "n1", TaskState.FAILED, at((long) i * spacing), at((long) i * spacing + 1));
            h.add(i < attempts ? t.withDesiredState(TaskState.SHUTDOWN) : t);
        }
        return h;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // name, history, policy, now (s), expected
                Arguments.of("none never restarts a failure", single(TaskState.FAILED),
                        policy(RestartCondition.NONE, 0, null, null), 100, "never"),
                Arguments.of("none never restarts a completion", single(TaskState.COMPLETE),
                        policy(RestartCondition.NONE, 0, null, null), 100, "never"),
                Arguments.of("on-failure restarts a failure", single(TaskState.FAILED),
                        policy(RestartCondition.ON_FAILURE, 0, null, null), 100, "now"),
                Arguments.of("on-failure restarts a rejection", single(TaskState.REJECTED),
                        policy(RestartCondition.ON_FAILURE, 0, null, null), 100, "now"),
                Arguments.of("on-failure leaves a completion", single(TaskState.COMPLETE),
                        policy(RestartCondition.ON_FAILURE, 0, null, null), 100, "never"),
                Arguments.of("any restarts a completion", single(TaskState.COMPLETE),
                        policy(RestartCondition.ANY, 0, null, null), 100, "now"),
                Arguments.of("delay not elapsed: wait until stop + delay", single(TaskState.FAILED),
                        policy(RestartCondition.ANY, 30, null, null), 20, "at 40"),
                Arguments.of("delay elapsed exactly", single(TaskState.FAILED),
                        policy(RestartCondition.ANY, 30, null, null), 40, "now"),
                Arguments.of("unset delay is Docker's 5 s", single(TaskState.FAILED),
                        policy(RestartCondition.ANY, null, null, null), 12, "at 15"),
                Arguments.of("unset condition is any", single(TaskState.COMPLETE),
                        policy(null, 0, null, null), 100, "now"),
                Arguments.of("max attempts not reached", failures(2, 100),
                        policy(RestartCondition.ANY, 0, 3, null), 1000, "now"),
                Arguments.of("max attempts reached", failures(3, 100),
                        policy(RestartCondition.ANY, 0, 3, null), 1000, "never"),
                Arguments.of("max attempts 0 is unlimited", failures(50, 10),
                        policy(RestartCondition.ANY, 0, 0, null), 1000, "now"),
                Arguments.of("window: old attempts age out", failures(3, 100),
                        // restarts at 100, 200, 300; the window (230, 350] holds 300 only
                        policy(RestartCondition.ANY, 0, 3, 120), 350, "now"),
                Arguments.of("window: attempts too fast give up", failures(3, 10),
                        // restarts at 10, 20, 30; window (−90, 60] holds all three
                        policy(RestartCondition.ANY, 0, 3, 150), 60, "never"),
                Arguments.of("window: boundary is exclusive at now - window", failures(3, 10),
                        // restarts at 10, 20, 30; window (10, 70] holds 20 and 30 only
                        policy(RestartCondition.ANY, 0, 3, 60), 70, "now"),
                Arguments.of("delay still applies under max attempts", failures(1, 100),
                        policy(RestartCondition.ON_FAILURE, 50, 3, null), 120, "at 151"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, List<Task> history, RestartPolicy policy, int nowSeconds, String expected) {
        RestartDecision d = RestartMaths.decide(history, policy, at(nowSeconds));
        assertEquals(expected, describe(d), name + ": " + d);
    }

    private static String describe(RestartDecision d) {
        if (d instanceof RestartDecision.Now) {
            return "now";
        }
        if (d instanceof RestartDecision.At a) {
            return "at " + (a.when().getEpochSecond() - at(0).getEpochSecond());
        }
        return "never";
    }

    @Test
    void aTaskMovedOffALostNodeIsNotARestartAttempt() {
        // t0 ran until its node died (still RUNNING as last reported, desired SHUTDOWN); t1 failed.
        Task lost = task("t0", SVC, 1, "n1", TaskState.RUNNING, TaskState.SHUTDOWN, at(0));
        Task failed = stopped("t1", SVC, 1, "n2", TaskState.FAILED, at(5), at(6));
        RestartDecision d = RestartMaths.decide(List.of(lost, failed), policy(RestartCondition.ANY, 0, 1, null), at(10));
        assertInstanceOf(RestartDecision.Now.class, d);
    }

    @Test
    void historyOrderDoesNotMatter() {
        List<Task> h = new ArrayList<>(failures(3, 10));
        java.util.Collections.reverse(h);
        RestartDecision d = RestartMaths.decide(h, policy(RestartCondition.ANY, 0, 3, null), at(100));
        assertInstanceOf(RestartDecision.Never.class, d);
        assertTrue(((RestartDecision.Never) d).reason().contains("max attempts 3"), d.toString());
    }

    @Test
    void refusesAHistoryWhoseLatestTaskStillRuns() {
        Task live = task("t1", SVC, 1, "n1", TaskState.RUNNING, TaskState.RUNNING, at(0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> RestartMaths.decide(List.of(live), RestartPolicy.DEFAULT, at(10)));
        assertTrue(e.getMessage().startsWith("slotHistory:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RestartMaths.decide(List.of(), RestartPolicy.DEFAULT, at(10)));
    }
}
