package io.jswarm.compose.convert;

import java.util.Map;
import java.util.TreeMap;

/**
 * Names of stack objects: {@code <stack>_<key>} like docker stack, except for external objects
 * and objects with an explicit {@code name:}, which keep that name.
 */
public final class StackNames {
    /** The label every object of a stack carries, as Docker sets it (so tools find stacks alike). */
    public static final String NAMESPACE_LABEL = "com.docker.stack.namespace";

    private final String stack;

    public StackNames(String stack) {
        this.stack = stack;
    }

    public String stack() {
        return stack;
    }

    public String scoped(String key) {
        return stack + "_" + key;
    }

    public String resolve(String key, String explicitName) {
        return explicitName != null ? explicitName : scoped(key);
    }

    /** {@code labels} plus the stack label, sorted. */
    public Map<String, String> withNamespace(Map<String, String> labels) {
        Map<String, String> out = new TreeMap<>(labels);
        out.put(NAMESPACE_LABEL, stack);
        return out;
    }
}
