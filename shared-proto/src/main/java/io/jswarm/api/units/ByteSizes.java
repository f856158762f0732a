package io.jswarm.api.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as Docker users write them ({@code 512M}, {@code 1.5G}, {@code 64m}, {@code 2GiB},
 * {@code 1024}): case-insensitive, binary multiples (k = 1024), as Docker's RAMInBytes reads them.
 */
public final class ByteSizes {
    private ByteSizes() {}

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnitFormatException("empty size");
        }
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new UnitFormatException("invalid size \"" + text + "\" (use a number and an optional unit b, k, m, g, t — e.g. 512M, 1.5G)");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "" -> 0;
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            default -> throw new IllegalStateException(unit);
        };
        if (unit.isEmpty() && m.group(3) != null && m.group(3).equalsIgnoreCase("ib")) {
            throw new UnitFormatException("invalid size \"" + text + "\"");
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new UnitFormatException("size \"" + text + "\" is too large");
        }
        return bytes.longValue();
    }

    /** Short human form used in tables: {@code 128MiB}, {@code 1.5GiB}, {@code 512B}. */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int i = 0;
        double v = bytes;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        String num = BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return num + units[i];
    }
}
