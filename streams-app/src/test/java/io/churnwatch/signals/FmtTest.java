package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FmtTest {

    @ParameterizedTest
    @CsvSource({"0.0,0", "-0.0,0", "3.0,3", "-42.0,-42", "12345678.0,12345678", "1.0E7,10000000",
        "999999999999999.0,999999999999999", "1.0E15,1000000000000000", "3.5,3.5", "2.125,2.12", "2.135,2.14",
        "0.005,0", "14.000000001,14", "1.0E-7,0", "Infinity,inf", "-Infinity,-inf", "NaN,n/a"})
    void shouldPrintAtMostTwoDecimalsWithoutTrailingZeros(final double value, final String text) {
        assertThat(Fmt.num(value)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 20_261_127L})
    void shouldPrintWholeNumbersAsDecimalRoundingWouldWhenValueIsWhole(final long seed) {
        final Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            final double whole = Math.rint((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(17)));

            assertThat(Fmt.num(whole)).isEqualTo(BigDecimal.valueOf(whole).setScale(2, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString());
        }
    }
}
