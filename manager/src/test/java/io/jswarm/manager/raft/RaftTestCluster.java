package io.jswarm.manager.raft;

import io.jswarm.manager.store.ClusterStore;
import io.jswarm.manager.store.StoreState;
import io.jswarm.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Several Raft members in this JVM, on loopback ports, each with its own store and directory. */
final class RaftTestCluster implements AutoCloseable {
    final String clusterId = "test-cluster";
    final List<RaftPeerAddress> peers = new ArrayList<>();
    final Path root;
    final RaftSettings settings;
    final RaftMember[] members;
    final ClusterStore[] stores;

    RaftTestCluster(Path root, int size, RaftSettings settings) {
        this.root = root;
        this.settings = settings;
        this.members = new RaftMember[size];
        this.stores = new ClusterStore[size];
        for (int i = 0; i < size; i++) {
            peers.add(new RaftPeerAddress("m" + i, "127.0.0.1:" + freePort()));
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(int i) throws IOException {
        StoreState state = new StoreState();
        int port = Integer.parseInt(peers.get(i).address().substring(peers.get(i).address().lastIndexOf(':') + 1));
        members[i] = RaftMember.start(peers.get(i).id(), root.resolve("m" + i), "127.0.0.1", port, clusterId,
                peers, settings, state, null);
        stores[i] = new ClusterStore(state, members[i], Clock.systemUTC());
    }

    void startAll() throws IOException {
        for (int i = 0; i < members.length; i++) {
            start(i);
        }
    }

    void stop(int i) throws IOException {
        if (members[i] != null) {
            members[i].close();
            members[i] = null;
        }
    }

    int awaitLeader() {
        return Await.until("a leader", Duration.ofSeconds(20), () -> {
            for (int i = 0; i < members.length; i++) {
                if (members[i] != null && members[i].isLeader()) {
                    return i;
                }
            }
            return -1;
        }, i -> i >= 0);
    }

    @Override
    public void close() {
        for (int i = 0; i < members.length; i++) {
            try {
                stop(i);
            } catch (IOException | RuntimeException ignored) {
                // best effort: the other members must still be stopped
            }
        }
    }
}
