package io.jswarm.manager.stack;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure: the desired specs of a stack against the services in the store → a {@link StackPlan}.
 * A service belongs to a stack by its {@link #NAMESPACE_LABEL} label, as with docker stack.
 * Invariants: a step exists only for a service whose stored spec differs from the desired one
 * (record equality, so the converter's sorted output makes redeploys empty); creates and updates
 * follow {@code order} (dependencies first); removals (only with prune) come last, by name.
 */
public final class StackPlanner {
    /** The label docker stack sets and the compose converter writes. */
    public static final String NAMESPACE_LABEL = io.jswarm.compose.convert.StackNames.NAMESPACE_LABEL;

    private StackPlanner() {}

    public static boolean inStack(Service s, String stack) {
        return stack.equals(s.spec().labels().get(NAMESPACE_LABEL));
    }

    /**
     * @param desired the stack's specs, every one labelled with the stack
     * @param order   every desired service's name, dependencies first
     * @param stored  every service in the store (not only the stack's: names are unique cluster-wide)
     * @throws StackException when a desired spec does not belong to the stack, or its name is
     *                        taken by a service outside the stack (nothing is written then)
     */
    public static StackPlan plan(String stack, List<ServiceSpec> desired, List<String> order, List<Service> stored, boolean prune) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        for (ServiceSpec spec : desired) {
            if (!stack.equals(spec.labels().get(NAMESPACE_LABEL))) {
                throw new StackException(spec.name(), "is not labelled " + NAMESPACE_LABEL + "=" + stack);
            }
            if (byName.put(spec.name(), spec) != null) {
                throw new StackException(spec.name(), "appears twice in the stack");
            }
        }
        Map<String, Service> current = new LinkedHashMap<>();
        for (Service s : stored) {
            ServiceSpec wanted = byName.get(s.spec().name());
            if (inStack(s, stack)) {
                current.put(s.spec().name(), s);
            } else if (wanted != null) {
                String other = s.spec().labels().get(NAMESPACE_LABEL);
                throw new StackException(wanted.name(), "a service of that name already exists outside this stack"
                        + (other == null ? "" : " (in stack " + other + ")") + "; remove or rename it first");
            }
        }
        List<StackPlan.Step> steps = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String name : startOrder(order, byName.keySet())) {
            ServiceSpec spec = byName.get(name);
            Service existing = current.get(name);
            if (existing == null) {
                steps.add(new StackPlan.Create(spec));
            } else if (!existing.spec().equals(spec)) {
                steps.add(new StackPlan.Update(existing, spec));
            } else {
                unchanged.add(name);
            }
            placed.add(name);
        }
        if (prune) {
            current.values().stream().filter(s -> !placed.contains(s.spec().name()))
                    .sorted(Comparator.comparing(s -> s.spec().name()))
                    .forEach(s -> steps.add(new StackPlan.Remove(s)));
        }
        return new StackPlan(stack, steps, unchanged);
    }

    /** {@code order} restricted to the desired services, then any it missed, by name (defensive). */
    private static List<String> startOrder(List<String> order, Set<String> desired) {
        List<String> out = new ArrayList<>();
        for (String name : order) {
            if (desired.contains(name) && !out.contains(name)) {
                out.add(name);
            }
        }
        desired.stream().filter(n -> !out.contains(n)).sorted().forEach(out::add);
        return out;
    }
}
