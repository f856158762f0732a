package io.jswarm.cli.commands.stack;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceMode;
import io.jswarm.api.task.Task;
import io.jswarm.api.task.TaskState;
import io.jswarm.manager.api.ServiceWire.ServiceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure: where each service of a deploy stands, one line each. A service has converged when as
 * many tasks run as it wants; a job (replicated-job, global-job) when that many have completed.
 * A service not in the cluster yet (the manager may be waiting for its dependencies) is "not created yet".
 */
public final class StackProgress {
    private StackProgress() {}

    /** One service: {@code done} of {@code desired} tasks running (or completed, for a job). */
    public record Line(String service, int done, int desired, boolean converged, String state, String note) {
        public String render(int width) {
            String name = String.format("%-" + width + "s", service);
            String count = desired < 0 ? "   " : done + "/" + desired;
            return (name + "  " + String.format("%-7s", count) + "  " + state + (note.isEmpty() ? "" : "  " + note)).stripTrailing();
        }
    }

    /**
     * @param services every service the deploy wants, in start order
     * @param views    the cluster's services (any stack)
     * @param tasks    the cluster's tasks
     */
    public static List<Line> of(List<String> services, List<ServiceView> views, List<Task> tasks) {
        Map<String, ServiceView> byName = views.stream().collect(Collectors.toMap(v -> v.service().spec().name(), Function.identity(), (a, b) -> a));
        Map<String, List<Task>> bySvc = tasks.stream().collect(Collectors.groupingBy(Task::serviceId));
        List<Line> out = new ArrayList<>();
        for (String name : services) {
            ServiceView v = byName.get(name);
            if (v == null) {
                out.add(new Line(name, 0, -1, false, "not created yet", ""));
                continue;
            }
            out.add(line(v, bySvc.getOrDefault(v.service().id(), List.of())));
        }
        return out;
    }

    private static Line line(ServiceView v, List<Task> tasks) {
        Service s = v.service();
        ServiceMode mode = s.spec().mode();
        int desired = v.desired();
        if (mode.isJob()) {
            int completed = (int) tasks.stream().filter(t -> t.status().state() == TaskState.COMPLETE).count();
            boolean done = completed >= desired;
            return new Line(s.spec().name(), completed, desired, done, done ? "completed" : "running job", trouble(tasks));
        }
        boolean done = v.running() >= desired;
        return new Line(s.spec().name(), v.running(), desired, done, done ? "running" : "starting", done ? "" : trouble(tasks));
    }

    /** Why the newest troubled task is stuck: its error, or the scheduler's explanation. */
    private static String trouble(List<Task> tasks) {
        return tasks.stream()
                .filter(t -> t.status().error() != null
                        || (t.status().state() == TaskState.PENDING && t.status().message() != null && !t.status().message().isEmpty()))
                .max(Comparator.comparing((Task t) -> t.status().timestamp(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(t -> "(" + (t.status().error() != null ? t.status().state().name().toLowerCase() + ": " + t.status().error()
                        : t.status().message()) + ")")
                .orElse("");
    }

    public static boolean converged(List<Line> lines) {
        return lines.stream().allMatch(Line::converged);
    }

    public static List<String> render(List<Line> lines) {
        int width = lines.stream().mapToInt(l -> l.service().length()).max().orElse(0);
        return lines.stream().map(l -> l.render(width)).toList();
    }
}
