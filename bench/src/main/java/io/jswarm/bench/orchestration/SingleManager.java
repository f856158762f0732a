package io.jswarm.bench.orchestration;

import io.jswarm.manager.raft.RaftMember;
import io.jswarm.manager.raft.RaftPeerAddress;
import io.jswarm.manager.raft.RaftSettings;
import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.StoreState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One real manager store: Ratis on loopback (plaintext: TLS costs are not what is measured), in a temporary directory. */
final class SingleManager implements AutoCloseable {
    final Path dir;
    final RaftMember member;
    final ClusterStore store;

    SingleManager() throws IOException {
        dir = Files.createTempDirectory("jswarm-bench-raft");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StoreState state = new StoreState();
        member = RaftMember.start("m0", dir.resolve("m0"), "127.0.0.1", port, "bench",
                List.of(new RaftPeerAddress("m0", "127.0.0.1:" + port)), RaftSettings.defaults().withSnapshotEvery(1_000_000),
                state, null);
        store = new ClusterStore(state, member, Clock.systemUTC());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!member.isLeader()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the manager did not become leader in 20 s");
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        try {
            member.close();
        } catch (IOException | RuntimeException ignored) {
            // best effort; the directory goes below
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp dir is not worth failing the benchmark for
        }
    }
}
