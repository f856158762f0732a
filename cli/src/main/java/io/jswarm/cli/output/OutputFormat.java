package io.jswarm.cli.output;

import java.util.Locale;

/** How listings print: aligned columns for people, JSON for scripts. */
public enum OutputFormat {
    TABLE, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
