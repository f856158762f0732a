package io.jswarm.manager.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.jswarm.api.node.Node;
import io.jswarm.api.node.NodeRole;
import io.jswarm.api.node.NodeState;
import io.jswarm.api.node.NodeStatus;
import io.jswarm.manager.api.ApiException;
import io.jswarm.manager.ca.Pem;
import io.jswarm.manager.ca.RootCa;
import io.jswarm.manager.store.Cluster;
import io.jswarm.manager.store.Kind;
import io.jswarm.manager.store.StoreJson;
import io.jswarm.manager.store.StoreSnapshot;
import io.jswarm.manager.store.WriteTx;
import java.util.List;

/**
 * {@code init --restore}: a new single-manager cluster that starts from a backup. It keeps the
 * backup's cluster id, root CA and join secrets (so existing certificates and tokens stay valid)
 * and every row, except the old managers (this node is the only one now); the old workers are
 * shown DOWN until they report again.
 */
record Restore(StoreSnapshot snapshot, Cluster cluster, RootCa ca) {

    static Restore of(StoreSnapshot snapshot) {
        if (snapshot.formatVersion() > StoreSnapshot.FORMAT_VERSION) {
            throw ApiException.badInput("restore.formatVersion", "backup format " + snapshot.formatVersion()
                    + " is newer than this jswarm understands (" + StoreSnapshot.FORMAT_VERSION + ")");
        }
        List<JsonNode> clusters = snapshot.tables() == null ? null : snapshot.tables().get(Kind.CLUSTER.name());
        if (clusters == null || clusters.size() != 1) {
            throw ApiException.badInput("restore", "not a jswarm backup: it has no cluster record");
        }
        Cluster cluster;
        RootCa ca;
        try {
            cluster = StoreJson.mapper().convertValue(clusters.get(0), Cluster.class);
            ca = new RootCa(Pem.certificate(cluster.caCertPem()), Pem.privateKey(cluster.caKeyPem()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("restore.tables.cluster", "unreadable cluster record: " + e.getMessage());
        }
        return new Restore(snapshot, cluster, ca);
    }

    /** Adds every restored row to {@code tx}, except the cluster record (rewritten by init) and old managers. */
    void recreate(WriteTx tx) {
        recreateKeeping(tx, null);
    }

    /** As {@link #recreate}, but the manager {@code keep} (this node) stays as it was. */
    void recreateKeeping(WriteTx tx, String keep) {
        for (Kind<?> kind : Kind.ALL) {
            if (kind == Kind.CLUSTER) {
                continue;
            }
            List<JsonNode> rows = snapshot.tables().getOrDefault(kind.name(), List.of());
            for (JsonNode row : rows) {
                create(tx, kind, row, keep);
            }
        }
    }

    private static <T> void create(WriteTx tx, Kind<T> kind, JsonNode json, String keep) {
        T row;
        try {
            row = StoreJson.mapper().convertValue(json, kind.type());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("restore.tables." + kind.name(), "unreadable row: " + e.getMessage());
        }
        if (row instanceof Node n && n.id().equals(keep)) {
            row = kind.withMeta(row, null);
        } else if (row instanceof Node n) {
            if (n.spec().role() == NodeRole.MANAGER) {
                return;
            }
            row = kind.type().cast(new Node(n.id(), null, n.spec(), n.description(),
                    new NodeStatus(NodeState.DOWN, "restored from backup", n.status().address()), null));
        } else {
            row = kind.withMeta(row, null);
        }
        tx.create(kind, row);
    }
}
