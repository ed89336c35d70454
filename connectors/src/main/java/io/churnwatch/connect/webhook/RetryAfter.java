package io.churnwatch.connect.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either a number of seconds or an HTTP date.
 * Anything else, or a date in the past, means "no preference" rather than an error: the header is advice.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for, in milliseconds, measured from {@code now}. */
    public static OptionalLong millis(final Optional<String> header, final Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return OptionalLong.empty();
        }
        final String value = header.get().strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return OptionalLong.of(Math.multiplyExact(Long.parseLong(value), 1000L));
            } catch (final ArithmeticException | NumberFormatException e) {
                return OptionalLong.of(Long.MAX_VALUE);
            }
        }
        try {
            final Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            final long ms = Duration.between(now, at).toMillis();
            return ms > 0 ? OptionalLong.of(ms) : OptionalLong.empty();
        } catch (final DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
