package io.jswarm.compose.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code command: bundle exec thin -p 3000} into words the way a POSIX shell would
 * (single quotes literal, double quotes with backslash escapes, backslash outside quotes), as
 * Compose does for the string form of {@code command} and {@code entrypoint}. No expansion.
 */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote in \"" + s + "\"");
                }
                word.append(s, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int k = i + 1;
                while (k < s.length() && s.charAt(k) != '"') {
                    if (s.charAt(k) == '\\' && k + 1 < s.length() && "\"\\$`".indexOf(s.charAt(k + 1)) >= 0) {
                        k++;
                    }
                    word.append(s.charAt(k));
                    k++;
                }
                if (k >= s.length()) {
                    throw new IllegalArgumentException("unterminated double quote in \"" + s + "\"");
                }
                i = k;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                word.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
