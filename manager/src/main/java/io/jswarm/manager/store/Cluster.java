package io.jswarm.manager.store;

import io.jswarm.api.Meta;
import java.time.Duration;

/**
 * The one cluster-wide row, id {@link #ID}. It holds what every manager needs to act as leader:
 * the root CA (certificate and key, PEM) to sign node certificates, the join-token secrets to check
 * joiners, the heartbeat period the dispatcher hands to workers, and the lifetime of node
 * certificates (null: the manager's default). The API never returns the
 * key or the secrets except through the manager-only join-token endpoint.
 */
public record Cluster(
        String id,
        Meta meta,
        String clusterId,
        Duration heartbeatPeriod,
        String caCertPem,
        String caKeyPem,
        String workerSecret,
        String managerSecret,
        Duration certLifetime) {

    public static final String ID = "cluster";

    public Cluster withMeta(Meta m) {
        return new Cluster(id, m, clusterId, heartbeatPeriod, caCertPem, caKeyPem, workerSecret, managerSecret, certLifetime);
    }

    public Cluster withSecrets(String worker, String manager) {
        return new Cluster(id, meta, clusterId, heartbeatPeriod, caCertPem, caKeyPem, worker, manager, certLifetime);
    }
}
