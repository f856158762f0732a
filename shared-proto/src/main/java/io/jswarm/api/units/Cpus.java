package io.jswarm.api.units;

import java.math.BigDecimal;

/**
 * CPU amounts as Docker users write them ({@code 0.5}, {@code 2}), kept as integer nano-CPUs like
 * Docker's API so arithmetic on reservations is exact.
 */
public final class Cpus {
    private Cpus() {}

    public static final long NANOS_PER_CPU = 1_000_000_000L;

    public static long parseNanoCpus(String text) {
        if (text == null || text.isBlank()) {
            throw new UnitFormatException("empty CPU amount");
        }
        BigDecimal cpus;
        try {
            cpus = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new UnitFormatException("invalid CPU amount \"" + text + "\" (use a decimal number such as 0.5 or 2)");
        }
        BigDecimal nanos = cpus.multiply(BigDecimal.valueOf(NANOS_PER_CPU));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new UnitFormatException("CPU amount \"" + text + "\" is more precise than 0.000000001");
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new UnitFormatException("CPU amount \"" + text + "\" is too large");
        }
        return nanos.longValueExact();
    }

    public static String format(long nanoCpus) {
        return BigDecimal.valueOf(nanoCpus, 9).stripTrailingZeros().toPlainString();
    }
}
