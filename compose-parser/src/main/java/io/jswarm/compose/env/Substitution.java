package io.jswarm.compose.env;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose's variable syntax in one string: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}
 * (unset or empty), {@code ${VAR-default}} (unset), {@code ${VAR:?error}}, {@code ${VAR?error}},
 * {@code ${VAR:+alt}}, {@code ${VAR+alt}}, nested {@code ${A:-${B:-c}}} and {@code $$} for a
 * literal dollar. A default or alternative is only evaluated when it is used, so an unused
 * {@code ${X:?…}} inside a default never fails.
 *
 * <p>{@code lookup} returns null for an unset variable. A lone {@code $} not followed by a name,
 * {@code {} or {@code $} is an error (as in Compose v2), so typos do not vanish silently.
 */
public final class Substitution {
    private final Function<String, String> lookup;
    private final Consumer<String> unset;

    private Substitution(Function<String, String> lookup, Consumer<String> unset) {
        this.lookup = lookup;
        this.unset = unset;
    }

    /**
     * @param unset told the name of each variable that was used bare ($X or ${X}) while unset
     */
    public static String apply(String template, Function<String, String> lookup, Consumer<String> unset) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        return new Substitution(lookup, unset).expand(template);
    }

    private String expand(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new SubstitutionException(null, "a lone '$' at the end of \"" + s + "\" (write $$ for a literal dollar sign)");
            }
            char d = s.charAt(i + 1);
            if (d == '$') {
                out.append('$');
                i += 2;
            } else if (d == '{') {
                int close = matchingBrace(s, i + 2);
                if (close < 0) {
                    throw new SubstitutionException(null, "unclosed \"${\" in \"" + s + "\"");
                }
                out.append(braced(s.substring(i + 2, close)));
                i = close + 1;
            } else if (nameStart(d)) {
                int end = nameEnd(s, i + 1);
                out.append(value(s.substring(i + 1, end)));
                i = end;
            } else {
                throw new SubstitutionException(null, "invalid '$" + d + "' in \"" + s
                        + "\" (a variable name starts with a letter or '_'; write $$ for a literal dollar sign)");
            }
        }
        return out.toString();
    }

    private String braced(String inner) {
        int end = nameStart(inner.isEmpty() ? ' ' : inner.charAt(0)) ? nameEnd(inner, 0) : 0;
        if (end == 0) {
            throw new SubstitutionException(null, "invalid variable name in \"${" + inner + "}\"");
        }
        String name = inner.substring(0, end);
        String rest = inner.substring(end);
        if (rest.isEmpty()) {
            return value(name);
        }
        String raw = lookup.apply(name);
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
        String arg = rest.substring(op.length());
        boolean missing = colon ? raw == null || raw.isEmpty() : raw == null;
        return switch (op) {
            case ":-", "-" -> missing ? expand(arg) : raw;
            case ":+", "+" -> missing ? "" : expand(arg);
            case ":?", "?" -> {
                if (missing) {
                    String why = expand(arg);
                    throw new SubstitutionException(name, "required variable " + name + " is missing a value"
                            + (why.isEmpty() ? "" : ": " + why));
                }
                yield raw;
            }
            default -> throw new SubstitutionException(name, "invalid interpolation \"${" + inner
                    + "}\" (use ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt} or ${VAR+alt})");
        };
    }

    private String value(String name) {
        String v = lookup.apply(name);
        if (v == null) {
            unset.accept(name);
            return "";
        }
        return v;
    }

    /** Index of the '}' closing a "${" whose body starts at {@code from}; nested "${…}" counted. */
    private static int matchingBrace(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                i++;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static boolean nameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(nameStart(c) || (c >= '0' && c <= '9'))) {
                break;
            }
            i++;
        }
        return i;
    }
}
