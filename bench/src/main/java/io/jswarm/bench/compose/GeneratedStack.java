package io.jswarm.bench.compose;

/**
 * A realistic large compose file: {@code services} services sharing anchored defaults through
 * {@code <<} merge keys, with interpolated images, environment, labels, ports, volumes, health
 * checks, a full deploy section and a depends_on chain, spread over 10 networks.
 */
final class GeneratedStack {
    private GeneratedStack() {}

    static String yaml(int services) {
        StringBuilder y = new StringBuilder();
        y.append("""
                name: bench
                x-defaults: &defaults
                  restart: on-failure:3
                  stop_grace_period: 20s
                  healthcheck:
                    test: [CMD-SHELL, "wget -q -O- http://localhost:8080/health || exit 1"]
                    interval: 10s
                    timeout: 2s
                    retries: 3
                    start_period: 30s
                  deploy: &deploy
                    replicas: 3
                    resources:
                      limits: {cpus: "0.5", memory: 256M, pids: 200}
                      reservations: {cpus: "0.1", memory: 64M}
                    placement:
                      constraints: [node.role==worker, node.labels.zone!=dmz]
                      preferences: [{spread: node.labels.zone}]
                    update_config: {parallelism: 2, delay: 5s, failure_action: rollback, order: start-first}
                    rollback_config: {parallelism: 1}
                services:
                """);
        for (int i = 0; i < services; i++) {
            y.append("  svc").append(i).append(":\n");
            y.append("    <<: *defaults\n");
            y.append("    image: \"${REGISTRY:-registry.local:5000}/team/svc").append(i).append(":${TAG:-1.0.").append(i).append("}\"\n");
            y.append("    command: [\"/app/server\", \"--port\", \"8080\", \"--name\", \"svc").append(i).append("\"]\n");
            y.append("    environment:\n");
            y.append("      SERVICE_NAME: svc").append(i).append("\n");
            y.append("      LOG_LEVEL: ${LOG_LEVEL:-info}\n");
            y.append("      DB_URL: postgres://db:5432/svc").append(i).append("\n");
            y.append("      CACHE_TTL: \"300\"\n");
            y.append("      FEATURE_FLAGS: a,b,c\n");
            y.append("    labels: [team=t").append(i % 7).append(", tier=backend]\n");
            y.append("    ports:\n      - \"").append(20000 + i).append(":8080\"\n      - target: 9090\n        mode: host\n");
            y.append("    volumes:\n      - data").append(i % 10).append(":/var/lib/app\n      - type: tmpfs\n        target: /tmp\n        tmpfs: {size: 64M}\n");
            y.append("    networks: [net").append(i % 10).append(", shared]\n");
            if (i > 0) {
                y.append("    depends_on:\n      svc").append(i - 1).append(": {condition: service_healthy}\n");
            }
            y.append("    deploy:\n      <<: *deploy\n      replicas: ").append(1 + i % 5).append("\n");
        }
        y.append("networks:\n  shared:\n");
        for (int n = 0; n < 10; n++) {
            y.append("  net").append(n).append(": {driver: overlay}\n");
        }
        y.append("volumes:\n");
        for (int n = 0; n < 10; n++) {
            y.append("  data").append(n).append(":\n");
        }
        return y.toString();
    }
}
