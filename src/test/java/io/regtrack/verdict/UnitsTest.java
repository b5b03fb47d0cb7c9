package io.regtrack.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "0; bytes; 0 B",
                "1023; bytes; 1,023 B",
                "1024; bytes; 1.0 KiB (1,024 B)",
                "303552; bytes; 296.4 KiB (303,552 B)",
                "5242880; bytes; 5.00 MiB (5,242,880 B)",
                "9007199254740992; bytes; 8589934592.00 MiB (9,007,199,254,740,992 B)",
                "0; seconds; 0 s",
                "0.00000025; seconds; 250.0 ns",
                "0.00081; seconds; 810.00 µs",
                "0.25; seconds; 250.00 ms",
                "12.5; seconds; 12.500 s",
                "42; instructions; 42 instructions",
                "1020123; count; 1,020,123",
                "0.125; ratio; 0.1250 ratio"
            })
    void showsNumbersAsPeopleReadThem(double value, String unit, String shown) {
        assertThat(Units.format(value, unit)).isEqualTo(shown);
    }

    @Test
    void writesNumbersAsTheFormatterWould() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
                case 1 -> Math.round(random.nextDouble() * 100_000) / 1000.0 - 50; // ties at the last digit
                case 2 -> (random.nextInt(2_000_001) - 1_000_000) * 0.005;
                default -> random.nextDouble() * 1e9;
            };
            for (int decimals = 1; decimals <= 3; decimals++) {
                assertThat(Units.fixed(value, decimals))
                        .as("%s to %d decimals", value, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
            }
            long whole = (long) (value * Math.pow(10, i % 10));
            assertThat(Units.grouped(whole)).as("%d", whole).isEqualTo(String.format(Locale.ROOT, "%,d", whole));
        }
        assertThat(Units.grouped(Long.MIN_VALUE)).isEqualTo(String.format(Locale.ROOT, "%,d", Long.MIN_VALUE));
        assertThat(Units.percent(-0.004)).isEqualTo("-0.00 %");
        assertThat(Units.percent(12.345)).isEqualTo(String.format(Locale.ROOT, "%+.2f %%", 12.345));
    }
}
