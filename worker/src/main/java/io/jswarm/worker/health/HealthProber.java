package io.jswarm.worker.health;

import io.jswarm.api.task.HealthConfig;
import io.jswarm.worker.runtime.Command;
import io.jswarm.worker.runtime.ContainerRuntime;
import java.time.Duration;
import java.util.List;

/**
 * Runs a health check inside the container (runtime exec: the container's namespaces, cgroup,
 * user and capabilities), as Docker does: CMD runs its arguments directly, CMD-SHELL runs
 * {@code /bin/sh -c}. A probe that outlives its timeout counts as a failure.
 */
public final class HealthProber {
    private final ContainerRuntime runtime;

    public HealthProber(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    public record Result(boolean success, String output) {}

    /** The argv of a check; throws naming the field when the test is malformed. */
    public static List<String> argv(HealthConfig config) {
        List<String> test = config.test();
        if (test.isEmpty()) {
            throw new IllegalArgumentException("container.healthcheck.test is empty");
        }
        return switch (test.get(0)) {
            case "CMD" -> {
                if (test.size() < 2) {
                    throw new IllegalArgumentException("container.healthcheck.test: CMD needs a command");
                }
                yield test.subList(1, test.size());
            }
            case "CMD-SHELL" -> {
                if (test.size() != 2) {
                    throw new IllegalArgumentException("container.healthcheck.test: CMD-SHELL takes exactly one command string");
                }
                yield List.of("/bin/sh", "-c", test.get(1));
            }
            default -> throw new IllegalArgumentException(
                    "container.healthcheck.test must start with CMD, CMD-SHELL or NONE, not \"" + test.get(0) + "\"");
        };
    }

    public Result probe(String containerId, HealthConfig config, Duration timeout) {
        Command.Result r = runtime.exec(containerId, argv(config), timeout);
        String output = (r.stdout() + r.stderr()).strip();
        if (output.length() > 4096) {
            output = output.substring(0, 4096); // Docker keeps 4 KiB too
        }
        if (r.exitCode() == 124 && r.stderr().startsWith("timed out")) {
            return new Result(false, "health check timed out after " + timeout.toMillis() + " ms");
        }
        return new Result(r.exitCode() == 0, r.exitCode() == 0 ? output : "exit " + r.exitCode() + (output.isEmpty() ? "" : ": " + output));
    }
}
