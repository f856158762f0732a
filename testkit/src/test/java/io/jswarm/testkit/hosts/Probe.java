package io.jswarm.testkit.hosts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Application-level reachability between hosts, using busybox nc (package busybox-static): a
 * server on a host answers "pong" to every connection; a client on another host connects with a
 * 1 s connect timeout and waits at most 2 s for the answer.
 *
 * <p>Three outcomes matter and are told apart: the application answered; the kernel accepted the
 * connection but the application said nothing (a SIGSTOPped server — why liveness must be checked
 * at the application level); the connection failed.
 */
final class Probe {
    enum Kind { ANSWERED, SILENT, FAILED }

    record Outcome(Kind kind, String output, long millis) {}

    static final String BUSYBOX = "/bin/busybox";

    private Probe() {}

    /** A server answering "pong" to every connection on {@code port}; one forked child per connection. */
    static HostProcess pongServer(Host host, int port) {
        return host.start(List.of(BUSYBOX, "nc", "-ll", "-p", Integer.toString(port), "-e", BUSYBOX, "echo", "pong"),
                Map.of(), host.logFile("pong-" + port));
    }

    /** A server echoing what it receives until the client half-closes. */
    static HostProcess echoServer(Host host, int port) {
        return host.start(List.of(BUSYBOX, "nc", "-ll", "-p", Integer.toString(port), "-e", BUSYBOX, "cat"),
                Map.of(), host.logFile("echo-" + port));
    }

    static Outcome ask(Host from, String address, int port) {
        long t0 = System.nanoTime();
        ExecResult r = from.exec(Duration.ofSeconds(10), "timeout", "2", BUSYBOX, "nc", "-w", "1", address, Integer.toString(port));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.ok() && r.output().contains("pong")) {
            return new Outcome(Kind.ANSWERED, r.output(), ms);
        }
        // timeout(1) exits 124 when it had to stop nc: connected, but no answer and no close.
        if (r.exitCode() == 124 && r.output().isBlank()) {
            return new Outcome(Kind.SILENT, r.output(), ms);
        }
        return new Outcome(Kind.FAILED, "exit " + r.exitCode() + ": " + r.output().strip(), ms);
    }

    static Kind kind(Host from, Host to, int port) {
        return ask(from, to.address(), port).kind();
    }

    /** Sends "ping" through {@code address:port} to an echo server and returns the reply and the round trip. */
    static Outcome echo(Host from, String address, int port) {
        long t0 = System.nanoTime();
        ExecResult r = from.exec(Duration.ofSeconds(10), "sh", "-c",
                "echo ping | timeout 5 " + BUSYBOX + " nc -w 2 " + address + " " + port);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Outcome(r.ok() && r.output().contains("ping") ? Kind.ANSWERED : Kind.FAILED, r.output(), ms);
    }
}
