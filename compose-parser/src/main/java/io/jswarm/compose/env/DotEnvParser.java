package io.jswarm.compose.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code .env} files with compose-go's semantics: {@code KEY=value} (or {@code KEY: value}),
 * optional {@code export}, full-line and inline ({@code " #"}) comments, a UTF-8 BOM, single
 * quotes (literal except {@code \'}), double quotes (escapes {@code \n \r \$}, {@code \x} is x; may span
 * lines), and interpolation in unquoted and double-quoted values, looked up first in the keys
 * defined earlier in the same file, then in {@code lookup}. A bare {@code KEY} line takes the
 * value from {@code lookup} and is skipped if it is unset there.
 */
public final class DotEnvParser {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]+");

    private final String src;
    private final Function<String, String> lookup;
    private final Map<String, String> out = new LinkedHashMap<>();
    private int i;
    private int line = 1;

    private DotEnvParser(String src, Function<String, String> lookup) {
        this.src = src.startsWith("\uFEFF") ? src.substring(1) : src;
        this.lookup = lookup;
    }

    /** Parses {@code text}; throws {@link DotEnvException} naming the line of the first error. */
    public static Map<String, String> parse(String text, Function<String, String> lookup) {
        return new DotEnvParser(text.replace("\r\n", "\n"), lookup).parse();
    }

    private Map<String, String> parse() {
        while (skipBlankAndComments()) {
            int keyLine = line;
            int eol = lineEnd(i);
            String rest = src.substring(i, eol);
            if (rest.startsWith("export ") || rest.startsWith("export\t")) {
                i += "export".length();
                rest = src.substring(i, eol).stripLeading();
                i = eol - rest.length();
            }
            int sep = firstSeparator(rest);
            if (sep < 0) {
                String key = rest.strip();
                checkKey(key, keyLine);
                String inherited = lookup.apply(key);
                if (inherited != null) {
                    out.put(key, inherited);
                }
                i = eol;
                continue;
            }
            String key = rest.substring(0, sep).strip();
            checkKey(key, keyLine);
            i += sep + 1;
            out.put(key, value(key));
        }
        return out;
    }

    private static int firstSeparator(String rest) {
        for (int k = 0; k < rest.length(); k++) {
            char c = rest.charAt(k);
            if (c == '=' || c == ':') {
                return k;
            }
        }
        return -1;
    }

    private void checkKey(String key, int at) {
        if (key.isEmpty()) {
            throw new DotEnvException(at, "missing variable name before '='");
        }
        if (!KEY.matcher(key).matches()) {
            int bad = 0;
            while (bad < key.length() && KEY.matcher(key.substring(bad, bad + 1)).matches()) {
                bad++;
            }
            throw new DotEnvException(at, "unexpected character \"" + key.charAt(bad) + "\" in variable name \"" + key + "\"");
        }
    }

    /** Moves {@code i} to the next statement; false at the end of input. */
    private boolean skipBlankAndComments() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                i = lineEnd(i);
            } else {
                return true;
            }
        }
        return false;
    }

    private int lineEnd(int from) {
        int e = src.indexOf('\n', from);
        return e < 0 ? src.length() : e;
    }

    private String value(String key) {
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        if (i < src.length() && (src.charAt(i) == '\'' || src.charAt(i) == '"')) {
            return quoted(key, src.charAt(i));
        }
        int eol = lineEnd(i);
        String raw = src.substring(i, eol);
        i = eol;
        int hash = raw.indexOf(" #");
        if (raw.startsWith("#")) {
            raw = "";
        } else if (hash >= 0) {
            raw = raw.substring(0, hash);
        }
        return expand(raw.strip(), key);
    }

    private String quoted(String key, char q) {
        int startLine = line;
        StringBuilder body = new StringBuilder();
        int k = i + 1;
        while (true) {
            if (k >= src.length()) {
                throw new DotEnvException(startLine, "unterminated quoted value for " + key);
            }
            char c = src.charAt(k);
            if (c == '\\' && k + 1 < src.length() && (src.charAt(k + 1) == q || (q == '"' && src.charAt(k + 1) == '\\'))) {
                body.append(c).append(src.charAt(k + 1));
                k += 2;
                continue;
            }
            if (c == q) {
                break;
            }
            if (c == '\n') {
                line++;
            }
            body.append(c);
            k++;
        }
        i = k + 1;
        int eol = lineEnd(i);
        String trailing = src.substring(i, eol).strip();
        if (!trailing.isEmpty() && !trailing.startsWith("#")) {
            throw new DotEnvException(line, "unexpected \"" + trailing + "\" after the quoted value of " + key);
        }
        i = eol;
        if (q == '\'') {
            return body.toString().replace("\\'", "'");
        }
        return expand(unescape(body.toString()), key);
    }

    /**
     * Double-quote escapes as compose-go reads them: {@code \n} and {@code \r} are control
     * characters, {@code \$} a literal dollar (written as {@code $$} for the interpolation that
     * follows), and a backslash before any other character just keeps that character.
     */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '\\' || k + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++k);
            switch (n) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '$' -> out.append("$$");
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    private String expand(String raw, String key) {
        try {
            return Substitution.apply(raw, name -> out.containsKey(name) ? out.get(name) : lookup.apply(name), name -> { });
        } catch (SubstitutionException e) {
            throw new DotEnvException(line, key + ": " + e.getMessage());
        }
    }
}
