package io.churnwatch.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time given as an ISO-8601 instant ({@code 2026-01-05T10:00:00Z}), with an offset
 * ({@code 2026-01-05T10:00:00+01:00}), a date (its start, UTC) or epoch milliseconds.
 */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(final String value) {
        final String text = value.strip();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() == "2026-01-05".length()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (final DateTimeParseException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a time (e.g. 2026-01-05T00:00:00Z, "
                    + "2026-01-05 or epoch ms)");
        }
    }
}
