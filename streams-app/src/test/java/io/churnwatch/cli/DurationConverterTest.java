package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"90s, PT90S", "10m, PT10M", "2h, PT2H", "1h30m, PT1H30M", "1d, P1D", "3D, P3D"})
    void shouldReadAnAmountWithItsUnitWhenGivenShortly(final String text, final Duration expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PT1H, PT1H", "pt45s, PT45S", "P2DT3H, P2DT3H"})
    void shouldReadIsoDurationsWhenGivenInAnyCase(final String text, final Duration expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 5m", "5m ", "\t5M\n"})
    void shouldIgnoreSurroundingWhitespaceWhenReadingADuration(final String text) {
        assertThat(converter.convert(text)).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "5", "1w", "1.5h", "m5", "P"})
    void shouldFailWithTheValueAndExamplesWhenTheTextIsNoDuration(final String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a duration (e.g. 90s, 10m, 2h, 1d, PT1H)");
    }

    @Test
    void shouldRejectTheDurationWhenItIsNotPositive() {
        assertThatThrownBy(() -> new DurationConverter().convert("-5s"))
                .isInstanceOf(TypeConversionException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new DurationConverter().convert("0s"))
                .isInstanceOf(TypeConversionException.class);
    }
}
