package io.jswarm.manager.node;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a node daemon in the foreground: {@code DaemonMain <data-dir> [hostname]}. The user-facing
 * entry point is {@code jswarm daemon} in the CLI; this one lets tests and benchmarks start
 * daemons in their own JVMs with only the manager module on the class path.
 */
public final class DaemonMain {
    private DaemonMain() {}

    public static void main(String[] args) throws Exception {
        run(args.length > 1 ? DaemonOptions.defaults(Path.of(args[0])).withHostname(args[1])
                : DaemonOptions.defaults(Path.of(args[0])));
    }

    /** Starts the daemon and blocks until the JVM is asked to stop (SIGTERM/SIGINT). */
    public static void run(DaemonOptions options) throws Exception {
        run(options, NodeExtension.NONE);
    }

    /** As {@link #run(DaemonOptions)}, with what the assembled node adds (worker role, dashboard). */
    public static void run(DaemonOptions options, NodeExtension extension) throws Exception {
        // RAFT.md: on small machines a Ratis follower otherwise starts a thread per replicated entry.
        if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "4");
        }
        Daemon daemon = Daemon.start(options, extension);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "jswarm-shutdown"));
        System.out.println("jswarm daemon ready, local API at " + daemon.files().socket());
        stopped.await();
    }
}
