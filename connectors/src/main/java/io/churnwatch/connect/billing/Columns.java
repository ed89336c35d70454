package io.churnwatch.connect.billing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.apache.kafka.connect.data.Struct;

/**
 * A row's column values as the mapping needs them, whatever Debezium's {@code time.precision.mode} and
 * {@code decimal.handling.mode} made of them: times from {@code ZonedTimestamp} text, {@code Timestamp}/
 * {@code MicroTimestamp}/{@code NanoTimestamp} numbers, Connect {@code Timestamp}s or {@code Date} days; amounts from
 * integers, {@code Decimal}s, {@code VariableScaleDecimal}s, doubles or text. A column that is absent (not configured,
 * or not in the table) or null is null; a value that does not parse is a {@link BadValueException}.
 */
final class Columns {

    private Columns() {
    }

    static Object raw(final Struct row, final String column) {
        if (row == null || column == null || column.isEmpty() || row.schema().field(column) == null) {
            return null;
        }
        return row.get(column);
    }

    static String text(final Struct row, final String column) {
        final Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    static Boolean flag(final Struct row, final String column) {
        final Object value = raw(row, column);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new BadValueException(column, value, "a boolean");
        };
    }

    /** A whole amount (cents, a count); fractions are refused rather than rounded away. */
    static Long whole(final Struct row, final String column) {
        final Object value = raw(row, column);
        try {
            if (value == null || value instanceof Long) {
                return (Long) value;
            }
            if (value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            return decimal(value, column).longValueExact();
        } catch (final ArithmeticException | NumberFormatException e) {
            throw new BadValueException(column, value, "a whole number");
        }
    }

    private static BigDecimal decimal(final Object value, final String column) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof String text) {
            return new BigDecimal(text.strip());
        }
        if (value instanceof Struct variable && variable.schema().field("scale") != null
                && variable.schema().field("value") != null) {
            return new BigDecimal(new BigInteger(bytes(variable.get("value"))), variable.getInt32("scale"));
        }
        throw new BadValueException(column, value, "a whole number");
    }

    static Instant instant(final Struct row, final String column) {
        final Object value = raw(row, column);
        if (value == null) {
            return null;
        }
        final String type = row.schema().field(column).schema().name();
        try {
            if (value instanceof Date date) {
                return date.toInstant();
            }
            if (value instanceof String text) {
                return parse(text.strip());
            }
            if (value instanceof Number number) {
                return epoch(number.longValue(), type == null ? "" : type);
            }
        } catch (final DateTimeParseException e) {
            throw new BadValueException(column, value, "a time");
        }
        throw new BadValueException(column, value, "a time");
    }

    private static Instant epoch(final long value, final String type) {
        if (type.endsWith("MicroTimestamp")) {
            return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
        }
        if (type.endsWith("NanoTimestamp")) {
            return Instant.ofEpochSecond(0, value);
        }
        if ("io.debezium.time.Date".equals(type)) {
            return LocalDate.ofEpochDay(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.ofEpochMilli(value);
    }

    private static Instant parse(final String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (final DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static byte[] bytes(final Object value) {
        if (value instanceof ByteBuffer buffer) {
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return (byte[]) value;
    }

    /** A column value the mapping cannot read. */
    static final class BadValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadValueException(final String column, final Object value, final String expected) {
            super("column " + column + " is " + value + ", not " + expected);
        }
    }
}
