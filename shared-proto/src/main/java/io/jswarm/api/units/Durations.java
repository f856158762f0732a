package io.jswarm.api.units;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Docker and Compose users write them: Go's syntax ({@code 300ms}, {@code 1m30s},
 * {@code 1.5h}, {@code 2us}). A bare number is refused, as Docker refuses it, because "10" could mean
 * seconds or nanoseconds. {@link #format} writes the same syntax back, losslessly to the nanosecond.
 */
public final class Durations {
    private Durations() {}

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnitFormatException("empty duration");
        }
        String s = text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        Matcher m = PART.matcher(s);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.lookingAt()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            end = m.end();
            m.region(end, s.length());
        }
        if (end == 0 || end != s.length()) {
            throw new UnitFormatException("invalid duration \"" + text + "\" (use a number and a unit: ns, us, ms, s, m, h — e.g. 10s, 1m30s)");
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new UnitFormatException("duration \"" + text + "\" is too large");
        }
        long n = nanos.longValue();
        return Duration.ofNanos(negative ? -n : n);
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> 60 * NANOS_PER_SECOND;
            case "h" -> 3600 * NANOS_PER_SECOND;
            default -> throw new IllegalStateException(unit);
        };
    }

    /** Go-style text, e.g. {@code 1h2m3.5s}, {@code 250ms}, {@code 0s}; {@code parse(format(d)).equals(d)}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (d.isNegative()) {
            out.append('-');
            d = d.negated();
        }
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        long secondsNanos = d.toSecondsPart() * NANOS_PER_SECOND + d.toNanosPart();
        if (hours == 0 && minutes == 0 && secondsNanos < NANOS_PER_SECOND) {
            return out.append(subSecond(secondsNanos)).toString();
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (secondsNanos > 0) {
            out.append(BigDecimal.valueOf(secondsNanos, 9).stripTrailingZeros().toPlainString()).append('s');
        }
        return out.toString();
    }

    private static String subSecond(long nanos) {
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        if (nanos % 1_000 == 0) {
            return nanos / 1_000 + "us";
        }
        return nanos + "ns";
    }
}
