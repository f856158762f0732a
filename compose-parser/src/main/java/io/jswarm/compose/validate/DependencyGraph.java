package io.jswarm.compose.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code depends_on} graph: a start order in which every service comes after the services it
 * depends on (ties broken by name, so the order is the same on every run), or the first cycle.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> deps = new TreeMap<>();

    /** {@code edges}: service → the services it depends on (unknown names are ignored here). */
    public DependencyGraph(Map<String, ? extends Set<String>> edges) {
        edges.forEach((k, v) -> deps.put(k, new TreeSet<>(v)));
        deps.values().forEach(s -> s.retainAll(edges.keySet()));
    }

    /** A cycle as a path that returns to its start ({@code [a, b, a]}), if there is one. */
    public Optional<List<String>> cycle() {
        Set<String> done = new HashSet<>();
        for (String start : deps.keySet()) {
            List<String> stack = new ArrayList<>();
            Optional<List<String>> c = visit(start, stack, done);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String node, List<String> stack, Set<String> done) {
        int at = stack.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
            cycle.add(node);
            return Optional.of(cycle);
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        stack.add(node);
        for (String d : deps.getOrDefault(node, Set.of())) {
            Optional<List<String>> c = visit(d, stack, done);
            if (c.isPresent()) {
                return c;
            }
        }
        stack.remove(stack.size() - 1);
        done.add(node);
        return Optional.empty();
    }

    /** Kahn's algorithm, smallest name first among the ready ones. Requires no cycle. */
    public List<String> startOrder() {
        Map<String, Set<String>> waiting = new TreeMap<>();
        deps.forEach((k, v) -> waiting.put(k, new TreeSet<>(v)));
        List<String> order = new ArrayList<>();
        TreeSet<String> ready = new TreeSet<>();
        waiting.forEach((k, v) -> {
            if (v.isEmpty()) {
                ready.add(k);
            }
        });
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(next);
            waiting.remove(next);
            waiting.forEach((k, v) -> {
                if (v.remove(next) && v.isEmpty()) {
                    ready.add(k);
                }
            });
        }
        if (!waiting.isEmpty()) {
            throw new IllegalStateException("dependency cycle among " + waiting.keySet());
        }
        return order;
    }
}
