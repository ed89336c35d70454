package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void shouldReadAnIsoInstantWhenGivenInUtc() {
        assertThat(converter.convert("2026-01-05T10:15:30Z")).isEqualTo(Instant.parse("2026-01-05T10:15:30Z"));
    }

    @ParameterizedTest
    @CsvSource({"2026-01-05T10:00:00+01:00, 2026-01-05T09:00:00Z", "2026-01-05T10:00:00-05:30, 2026-01-05T15:30:00Z",
        "2026-01-05T10:00:00.250+00:00, 2026-01-05T10:00:00.250Z"})
    void shouldConvertToUtcWhenGivenATimeWithAnOffset(final String text, final Instant expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @Test
    void shouldTakeTheStartOfTheDayInUtcWhenGivenADate() {
        assertThat(converter.convert("2026-01-05")).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"0, 1970-01-01T00:00:00Z", "1767607200123, 2026-01-05T10:00:00.123Z"})
    void shouldReadEpochMillisecondsWhenGivenOnlyDigits(final String text, final Instant expected) {
        assertThat(converter.convert(text)).isEqualTo(expected);
    }

    @Test
    void shouldIgnoreSurroundingWhitespaceWhenReadingATime() {
        assertThat(converter.convert(" 2026-01-05\n")).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-05", "2026-01-05T10:00", "05/01/2026", "-5",
        "99999999999999999999"})
    void shouldFailWithTheValueAndExamplesWhenTheTextIsNoTime(final String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + text + "' is not a time (e.g. 2026-01-05T00:00:00Z, 2026-01-05 or epoch ms)");
    }
}
