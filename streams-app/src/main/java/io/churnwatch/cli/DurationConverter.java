package io.churnwatch.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration given as {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1H}). */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(final String value) {
        final Duration duration = parse(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return duration;
    }

    private static Duration parse(final String value) {
        final String text = value.strip().toUpperCase(Locale.ROOT);
        try {
            if (text.startsWith("P")) {
                return Duration.parse(text);
            }
            if (text.endsWith("D")) {
                return Duration.parse("P" + text);
            }
            return Duration.parse("PT" + text);
        } catch (final DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 10m, 2h, 1d, PT1H)");
        }
    }
}
