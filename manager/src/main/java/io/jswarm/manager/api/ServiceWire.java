package io.jswarm.manager.api;

import io.jswarm.api.service.Service;
import java.util.List;

/** Bodies of the service, task and event routes that are not model objects (see api-contract.md). */
public final class ServiceWire {
    private ServiceWire() {}

    /**
     * A service with its progress. {@code desired}: replicas (replicated), eligible nodes (global,
     * global job), total completions (replicated job); {@code running}: tasks RUNNING and wanted so
     * (for jobs, also those that completed).
     */
    public record ServiceView(Service service, int running, int desired) {}

    public record CreateAnswer(String id, List<String> warnings) {}

    public record UpdateAnswer(String id, long version) {}

    public record ScaleRequest(Integer replicas) {}

    /** One line of the events stream; {@code action} is snapshot, create, update or remove. */
    public record EventMessage(String kind, String action, Object object) {}
}
