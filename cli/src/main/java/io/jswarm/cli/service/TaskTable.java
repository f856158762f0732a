package io.jswarm.cli.service;

import io.jswarm.api.json.Json;
import io.jswarm.api.node.Node;
import io.jswarm.api.service.Service;
import io.jswarm.api.task.Task;
import io.jswarm.cli.JswarmCommand;
import io.jswarm.cli.client.DaemonClient;
import io.jswarm.cli.output.OutputFormat;
import io.jswarm.cli.output.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The task listing shared by {@code service ps} and {@code node ps}: tasks come newest first
 * within a slot; older tasks of the same slot are history lines prefixed with {@code \_}.
 */
public final class TaskTable {
    private TaskTable() {}

    static void print(DaemonClient client, String query, boolean noTrunc, JswarmCommand root, PrintWriter out) {
        print(client, List.of(Json.read(client.get("/v1/tasks" + query).body(), Task[].class)), noTrunc, root, out);
    }

    /** {@code tasks} in the API's order (newest first within a slot), e.g. those of a stack's services. */
    public static void print(DaemonClient client, List<Task> tasks, boolean noTrunc, JswarmCommand root, PrintWriter out) {
        if (root.format() == OutputFormat.JSON) {
            out.println(Json.write(tasks));
            out.flush();
            return;
        }
        if (root.quiet()) {
            tasks.forEach(t -> out.println(t.id()));
            out.flush();
            return;
        }
        Map<String, String> serviceNames = new HashMap<>();
        for (Service s : services(client)) {
            serviceNames.put(s.id(), s.spec().name());
        }
        Map<String, String> hostnames = new HashMap<>();
        for (Node n : Json.read(client.get("/v1/nodes").body(), Node[].class)) {
            hostnames.put(n.id(), n.description() == null ? n.id() : n.description().hostname());
        }
        Table table = new Table("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS");
        Instant now = Instant.now();
        String previousSlot = null;
        for (Task t : tasks) {
            String svc = serviceNames.getOrDefault(t.serviceId(), ServiceFormat.shortId(t.serviceId()));
            String slot = t.serviceId() + "/" + (t.slot() > 0 ? t.slot() : t.nodeId());
            String name = (slot.equals(previousSlot) ? " \\_ " : "") + ServiceFormat.taskName(svc, t);
            previousSlot = slot;
            table.row(noTrunc ? t.id() : ServiceFormat.shortId(t.id()), name, t.spec().container().image(),
                    t.nodeId() == null ? "" : hostnames.getOrDefault(t.nodeId(), ServiceFormat.shortId(t.nodeId())),
                    ServiceFormat.desired(t.desiredState()), ServiceFormat.currentState(t, now), ServiceFormat.error(t, noTrunc), "");
        }
        table.print(out);
    }

    private static Service[] services(DaemonClient client) {
        return java.util.Arrays.stream(Json.read(client.get("/v1/services").body(),
                io.jswarm.manager.api.ServiceWire.ServiceView[].class)).map(v -> v.service()).toArray(Service[]::new);
    }
}
