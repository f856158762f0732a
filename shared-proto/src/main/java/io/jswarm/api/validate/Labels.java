package io.jswarm.api.validate;

import java.util.Map;

/** Labels are free-form but bounded, so one object cannot bloat every manager's memory. */
public final class Labels {
    private Labels() {}

    public static final int MAX_KEY = 255;
    public static final int MAX_VALUE = 4096;
    public static final int MAX_COUNT = 256;

    public static void check(Problems at, Map<String, String> labels) {
        if (labels.size() > MAX_COUNT) {
            at.add("at most " + MAX_COUNT + " labels, got " + labels.size());
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String key = e.getKey();
            if (key.isBlank()) {
                at.add("label keys must not be empty");
            } else if (key.length() > MAX_KEY) {
                at.add(key.substring(0, 20) + "…", "label key longer than " + MAX_KEY + " characters");
            } else if (key.indexOf('\0') >= 0 || (e.getValue() != null && e.getValue().indexOf('\0') >= 0)) {
                at.add(Names.printable(key), "labels must not contain NUL");
            } else if (e.getValue() != null && e.getValue().length() > MAX_VALUE) {
                at.add(key, "label value longer than " + MAX_VALUE + " characters");
            }
        }
    }
}
