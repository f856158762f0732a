package io.jswarm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jswarm.api.units.ByteSizes;
import io.jswarm.api.units.Cpus;
import io.jswarm.api.units.Durations;
import io.jswarm.api.units.UnitFormatException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"10s,10000", "1m30s,90000", "1.5h,5400000", "300ms,300", "0,0", "0s,0", "2h45m,9900000", ".5s,500"})
    void durationsParseAsDockerDoes(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "10", "s", "", "1.2.3s", "5 s", "1d", "abc", "--1s"})
    void badDurationsAreRefused(String text) {
        assertThrows(UnitFormatException.class, () -> Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 999, 1_000, 1_000_000, 1_500_000_000L, 61_000_000_000L, 3_723_000_000_001L, 86_400_000_000_000L})
    void durationFormatIsLossless(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        assertEquals(d, Durations.parse(Durations.format(d)), Durations.format(d));
    }

    @Test
    void durationFormatReadsNaturally() {
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("1h0m0.5s".replace("0m", ""), Durations.format(Duration.ofMillis(3_600_500)));
    }

    @ParameterizedTest
    @CsvSource({"512M,536870912", "1.5G,1610612736", "64m,67108864", "2GiB,2147483648", "1024,1024", "100k,102400",
            "1gb,1073741824", "10b,10"})
    void sizesParseAsDockerDoes(String text, long bytes) {
        assertEquals(bytes, ByteSizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1M", "1.5.5G", "12X", "", "M", "99999999999P", "10ib"})
    void badSizesAreRefused(String text) {
        assertThrows(UnitFormatException.class, () -> ByteSizes.parse(text));
    }

    @Test
    void cpus() {
        assertEquals(500_000_000L, Cpus.parseNanoCpus("0.5"));
        assertEquals(2_000_000_000L, Cpus.parseNanoCpus("2"));
        assertEquals("0.25", Cpus.format(250_000_000L));
        assertThrows(UnitFormatException.class, () -> Cpus.parseNanoCpus("half"));
        assertThrows(UnitFormatException.class, () -> Cpus.parseNanoCpus("0.0000000001"));
    }

    @Test
    void sizesFormatShort() {
        assertEquals("128MiB", ByteSizes.format(128L << 20));
        assertEquals("1.5GiB", ByteSizes.format(1536L << 20));
    }
}
