package io.jswarm.worker.network;

import io.jswarm.worker.runtime.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the host side of the network (bridge, veths, nftables, sysctls) either on the real host or
 * inside a named network namespace standing in for it, with the same commands.
 */
final class HostSide {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String netns;

    HostSide(String netns) {
        this.netns = netns;
    }

    /** {@code ip} with its -n switch when the host side is a namespace. */
    List<String> ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (netns != null) {
            argv.addAll(List.of("-n", netns));
        }
        argv.addAll(List.of(args));
        return argv;
    }

    /** Any other tool, entered into the namespace with {@code ip netns exec} when needed. */
    List<String> tool(String... args) {
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of("ip", "netns", "exec", netns));
        }
        argv.addAll(List.of(args));
        return argv;
    }

    String run(List<String> argv) {
        return Command.run(argv, TIMEOUT).orThrow();
    }

    String run(List<String> argv, String stdin) {
        return Command.run(argv, stdin, TIMEOUT).orThrow();
    }

    Command.Result tryRun(List<String> argv) {
        return Command.run(argv, TIMEOUT);
    }

    String sysctlRead(String key) {
        return run(tool("sysctl", "-n", key)).strip();
    }

    void sysctlWrite(String key, String value) {
        run(tool("sysctl", "-q", "-w", key + "=" + value));
    }
}
