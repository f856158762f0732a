package io.jswarm.api.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A placement constraint. Docker's two operators, compared case-insensitively as swarmkit does:
 * {@code node.labels.zone==eu}, {@code node.role!=manager}. jswarm adds set membership,
 * {@code node.labels.zone in (eu-1, eu-2)} and {@code not in (…)}, and regular expressions,
 * {@code node.hostname=~^web-[0-9]+$} and {@code !~}.
 *
 * <p>Keys: {@code node.id}, {@code node.hostname}, {@code node.role}, {@code node.platform.os},
 * {@code node.platform.arch}, {@code node.labels.<label>}.
 */
public record Constraint(String key, Operator operator, List<String> values, String text) {

    public enum Operator { EQ, NE, IN, NOT_IN, MATCHES, NOT_MATCHES }

    private static final Pattern SET = Pattern.compile("^\\s*(\\S+)\\s+(not\\s+in|in)\\s*\\((.*)\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BINARY = Pattern.compile("^\\s*([^=!~\\s]+)\\s*(==|!=|=~|!~)\\s*(.*?)\\s*$");
    private static final Pattern LABEL_KEY = Pattern.compile("node\\.labels\\.[^\\s=!~()]+");
    private static final List<String> FIXED_KEYS =
            List.of("node.id", "node.hostname", "node.role", "node.platform.os", "node.platform.arch");

    public Constraint {
        values = List.copyOf(values);
    }

    /** Parses one constraint, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static Constraint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty constraint");
        }
        Matcher set = SET.matcher(text);
        if (set.matches()) {
            Operator op = set.group(2).toLowerCase(Locale.ROOT).startsWith("not") ? Operator.NOT_IN : Operator.IN;
            List<String> values = new ArrayList<>();
            for (String v : set.group(3).split(",", -1)) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("constraint \"" + text + "\": empty value in the set");
                }
                values.add(v.strip());
            }
            return checked(set.group(1), op, values, text);
        }
        Matcher bin = BINARY.matcher(text);
        if (!bin.matches()) {
            throw new IllegalArgumentException("constraint \"" + text
                    + "\" is not of the form KEY==VALUE, KEY!=VALUE, KEY in (A, B), KEY not in (…), KEY=~REGEX or KEY!~REGEX");
        }
        Operator op = switch (bin.group(2)) {
            case "==" -> Operator.EQ;
            case "!=" -> Operator.NE;
            case "=~" -> Operator.MATCHES;
            default -> Operator.NOT_MATCHES;
        };
        String value = bin.group(3);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("constraint \"" + text + "\" has no value after " + bin.group(2));
        }
        if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("constraint \"" + text + "\": invalid regular expression: " + e.getDescription());
            }
        }
        return checked(bin.group(1), op, List.of(value), text);
    }

    private static Constraint checked(String key, Operator op, List<String> values, String text) {
        String k = key.toLowerCase(Locale.ROOT).startsWith("node.labels.") ? key : key.toLowerCase(Locale.ROOT);
        if (!FIXED_KEYS.contains(k) && !LABEL_KEY.matcher(k).matches()) {
            throw new IllegalArgumentException("constraint \"" + text + "\": unknown key \"" + key
                    + "\" (use node.id, node.hostname, node.role, node.platform.os, node.platform.arch or node.labels.<name>)");
        }
        if (k.equals("node.role")) {
            for (String v : values) {
                if (op != Operator.MATCHES && op != Operator.NOT_MATCHES
                        && !v.equalsIgnoreCase("manager") && !v.equalsIgnoreCase("worker")) {
                    throw new IllegalArgumentException("constraint \"" + text + "\": node.role is manager or worker, got \"" + v + "\"");
                }
            }
        }
        return new Constraint(k, op, values, text.strip());
    }

    /** Whether a node whose value for {@link #key} is {@code actual} (null: absent) satisfies this. */
    public boolean matches(String actual) {
        return switch (operator) {
            case EQ -> actual != null && actual.equalsIgnoreCase(values.get(0));
            case NE -> actual == null || !actual.equalsIgnoreCase(values.get(0));
            case IN -> actual != null && values.stream().anyMatch(actual::equalsIgnoreCase);
            case NOT_IN -> actual == null || values.stream().noneMatch(actual::equalsIgnoreCase);
            case MATCHES -> actual != null && Pattern.compile(values.get(0)).matcher(actual).find();
            case NOT_MATCHES -> actual == null || !Pattern.compile(values.get(0)).matcher(actual).find();
        };
    }
}
