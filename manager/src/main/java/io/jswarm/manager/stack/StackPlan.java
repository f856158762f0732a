package io.jswarm.manager.stack;

import io.jswarm.api.service.Service;
import io.jswarm.api.service.ServiceSpec;
import java.util.List;

/**
 * What a deploy of a stack will do, decided before anything is written: the {@code steps} in the
 * order they are applied (creates and updates in depends_on order, then removals), and the
 * services left as they are. An unchanged service is never in {@code steps}, so redeploying an
 * unchanged file writes nothing and restarts nothing.
 */
public record StackPlan(String stack, List<Step> steps, List<String> unchanged) {
    public StackPlan {
        steps = List.copyOf(steps);
        unchanged = List.copyOf(unchanged);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** One change to one service; {@link #service()} is its full name ({@code stack_service}). */
    public sealed interface Step {
        String service();

        /** create, update or remove, as shown to the user. */
        String action();
    }

    public record Create(ServiceSpec spec) implements Step {
        @Override
        public String service() {
            return spec.name();
        }

        @Override
        public String action() {
            return "create";
        }
    }

    /** {@code current} is the stored service, read when planning: its version guards the write. */
    public record Update(Service current, ServiceSpec spec) implements Step {
        @Override
        public String service() {
            return spec.name();
        }

        @Override
        public String action() {
            return "update";
        }
    }

    public record Remove(Service current) implements Step {
        @Override
        public String service() {
            return current.spec().name();
        }

        @Override
        public String action() {
            return "remove";
        }
    }
}
