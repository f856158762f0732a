package io.jswarm.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls a condition until it holds or a deadline passes, then fails with the last value or error
 * seen. Tests use this instead of sleeping: fast when things are fast, and a failure says what
 * the state was rather than only that time ran out.
 */
public final class Await {
    private Await() {}

    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 5;
        Object last = null;
        while (true) {
            try {
                T value = probe.call();
                last = value;
                if (done.test(value)) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + (last instanceof Exception e ? e.toString() : String.valueOf(last)));
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 100);
        }
    }

    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }
}
