package io.jswarm.cli.flags;

import io.jswarm.api.units.ByteSizes;
import io.jswarm.api.units.Cpus;
import io.jswarm.api.units.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for jswarm's units. A failure becomes picocli's "Invalid value for option
 * '--flag'" with our reason, so every parse error names the flag.
 */
public final class Converters {
    private Converters() {}

    private static TypeConversionException refuse(RuntimeException e) {
        return new TypeConversionException(e.getMessage());
    }

    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (RuntimeException e) {
                throw refuse(e);
            }
        }
    }

    public static final class BytesConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return ByteSizes.parse(value);
            } catch (RuntimeException e) {
                throw refuse(e);
            }
        }
    }

    public static final class CpusConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Cpus.parseNanoCpus(value);
            } catch (RuntimeException e) {
                throw refuse(e);
            }
        }
    }

    /** {@code KEY=VALUE} (a bare {@code KEY} means an empty value, as docker's --label does). */
    public static final class KeyValueConverter implements ITypeConverter<String[]> {
        @Override
        public String[] convert(String value) {
            int eq = value.indexOf('=');
            String key = eq < 0 ? value : value.substring(0, eq);
            if (key.isBlank()) {
                throw new TypeConversionException("expected KEY=VALUE, got \"" + value + "\"");
            }
            return new String[] {key, eq < 0 ? "" : value.substring(eq + 1)};
        }
    }
}
