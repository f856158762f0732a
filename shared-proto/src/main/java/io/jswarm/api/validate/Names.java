package io.jswarm.api.validate;

import java.util.regex.Pattern;

/**
 * Names of services, stacks, networks and volumes. They become DNS names inside the cluster, so
 * they follow DNS-label rules: 1–63 characters, letters, digits and '-', starting and ending with
 * a letter or digit. '_' is also allowed inside because stacks name their services
 * {@code stack_service}, as Docker does.
 */
public final class Names {
    private Names() {}

    public static final int MAX_LENGTH = 63;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?");

    public static void check(Problems at, String field, String name) {
        if (name == null || name.isEmpty()) {
            at.add(field, "must not be empty");
        } else if (name.length() > MAX_LENGTH) {
            at.add(field, "must be at most " + MAX_LENGTH + " characters, got " + name.length());
        } else if (!NAME.matcher(name).matches()) {
            at.add(field, "invalid name \"" + printable(name)
                    + "\": use letters, digits, '-' and '_', starting and ending with a letter or digit");
        }
    }

    /** Control characters shown escaped so an error message cannot forge terminal output. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
