package io.jswarm.scheduler.placement;

import io.jswarm.api.node.Node;
import io.jswarm.api.placement.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task's constraints, parsed once. Regular expressions are compiled here once, not on every
 * node check ({@link Constraint#matches} compiles on each call, which would dominate placement).
 * Invariant: {@link #matches} is true only if every constraint holds.
 */
public final class ConstraintSet {
    public static final ConstraintSet NONE = new ConstraintSet(List.of());

    private final List<Constraint> constraints;
    private final Pattern[] patterns;
    /** For a node.labels.X key, X (cut once here rather than on every node check); else null. */
    private final String[] labelNames;

    private ConstraintSet(List<Constraint> constraints) {
        this.constraints = List.copyOf(constraints);
        this.patterns = new Pattern[constraints.size()];
        this.labelNames = new String[constraints.size()];
        for (int i = 0; i < patterns.length; i++) {
            Constraint c = constraints.get(i);
            labelNames[i] = NodeKeys.labelName(c.key());
            if (c.operator() == Constraint.Operator.MATCHES || c.operator() == Constraint.Operator.NOT_MATCHES) {
                patterns[i] = Pattern.compile(c.values().get(0));
            }
        }
    }

    /** @throws IllegalArgumentException naming the constraint that does not parse */
    public static ConstraintSet parse(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return NONE;
        }
        List<Constraint> parsed = new ArrayList<>(texts.size());
        for (String t : texts) {
            parsed.add(Constraint.parse(t));
        }
        return new ConstraintSet(parsed);
    }

    public boolean isEmpty() {
        return constraints.isEmpty();
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public boolean matches(Node node) {
        for (int i = 0; i < patterns.length; i++) {
            Constraint c = constraints.get(i);
            String actual = labelNames[i] != null
                    ? (node.spec() == null ? null : node.spec().labels().get(labelNames[i]))
                    : NodeKeys.value(node, c.key());
            boolean ok = switch (c.operator()) {
                case MATCHES -> actual != null && patterns[i].matcher(actual).find();
                case NOT_MATCHES -> actual == null || !patterns[i].matcher(actual).find();
                default -> c.matches(actual);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
