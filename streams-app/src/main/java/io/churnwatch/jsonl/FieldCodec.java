package io.churnwatch.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Reads and writes one field of an Avro record schema as a JSON property of the same name.
 *
 * <p>Supported field types are those of the event contract: string, int, long, timestamp-millis (read from an
 * ISO-8601 string with an offset or from epoch millis, written as ISO-8601 UTC), enum (by symbol name), each
 * optionally as a {@code ["null", T]} union. A missing property takes the field's default; a missing or null
 * nullable property is null.
 */
final class FieldCodec {

    private enum ValueType { STRING, INT, LONG, TIMESTAMP, ENUM }

    private final String name;
    private final int pos;
    private final boolean nullable;
    private final boolean hasDefault;
    private final Object defaultValue;
    private final boolean nonBlank;
    private final ValueType type;
    private final Map<String, Enum<?>> symbols;

    private FieldCodec(final Schema.Field field, final boolean nonBlank) {
        this.name = field.name();
        this.pos = field.pos();
        this.nonBlank = nonBlank;
        final Schema schema = field.schema();
        final List<Schema> branches = schema.isUnion() ? schema.getTypes() : List.of(schema);
        final List<Schema> valueBranches = branches.stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (valueBranches.size() != 1) {
            throw new IllegalArgumentException("unsupported union for field '" + name + "': " + schema);
        }
        final Schema value = valueBranches.get(0);
        this.nullable = branches.size() > 1;
        this.hasDefault = field.hasDefaultValue();
        this.defaultValue = hasDefault ? SpecificData.get().getDefaultValue(field) : null;
        this.type = valueType(value);
        this.symbols = type == ValueType.ENUM ? enumSymbols(value) : Map.of();
    }

    /** Codecs of every field of {@code schema}; fields named in {@code nonBlankFields} reject blank strings. */
    static List<FieldCodec> forSchema(final Schema schema, final List<String> nonBlankFields) {
        return schema.getFields().stream().map(f -> new FieldCodec(f, nonBlankFields.contains(f.name()))).toList();
    }

    String name() {
        return name;
    }

    int pos() {
        return pos;
    }

    /** The value of this field in {@code object}, converted to the type the generated record expects. */
    Object read(final JsonNode object) throws RejectedFieldException {
        final JsonNode node = object.get(name);
        if (node == null && hasDefault) {
            return defaultValue;
        }
        if (node == null || node.isNull()) {
            if (nullable) {
                return null;
            }
            throw new RejectedFieldException(node == null
                    ? "missing required field '" + name + "'" : "field '" + name + "' must not be null");
        }
        return switch (type) {
            case STRING -> readString(node);
            case INT -> readInt(node);
            case LONG -> readLong(node);
            case TIMESTAMP -> readTimestamp(node);
            case ENUM -> readEnum(node);
        };
    }

    /** Writes {@code value} as this field's property; null is written as JSON null. */
    void write(final JsonGenerator gen, final Object value) throws IOException {
        gen.writeFieldName(name);
        if (value == null) {
            gen.writeNull();
            return;
        }
        switch (type) {
            case STRING -> gen.writeString((String) value);
            case INT -> gen.writeNumber((Integer) value);
            case LONG -> gen.writeNumber((Long) value);
            case TIMESTAMP -> gen.writeString(((Instant) value).truncatedTo(ChronoUnit.MILLIS).toString());
            case ENUM -> gen.writeString(((Enum<?>) value).name());
        }
    }

    private String readString(final JsonNode node) throws RejectedFieldException {
        if (!node.isTextual()) {
            throw wrongType(node, "a string");
        }
        final String text = node.textValue();
        if (nonBlank && text.isBlank()) {
            throw new RejectedFieldException("field '" + name + "' must not be empty");
        }
        return text;
    }

    private Integer readInt(final JsonNode node) throws RejectedFieldException {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(node, "a 32-bit integer");
        }
        return node.intValue();
    }

    private Long readLong(final JsonNode node) throws RejectedFieldException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(node, "a 64-bit integer");
        }
        return node.longValue();
    }

    private Instant readTimestamp(final JsonNode node) throws RejectedFieldException {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (!node.isTextual()) {
            throw wrongType(node, "an ISO-8601 timestamp or epoch millis");
        }
        try {
            return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (final DateTimeException e) {
            throw new RejectedFieldException("field '" + name + "' is not an ISO-8601 timestamp with offset: '"
                    + abbreviate(node.textValue()) + "'");
        }
    }

    private Enum<?> readEnum(final JsonNode node) throws RejectedFieldException {
        if (!node.isTextual()) {
            throw wrongType(node, "an enum symbol");
        }
        final Enum<?> symbol = symbols.get(node.textValue());
        if (symbol == null) {
            throw new RejectedFieldException("unknown symbol '" + abbreviate(node.textValue()) + "' for field '"
                    + name + "' (expected one of " + String.join(", ", symbols.keySet()) + ")");
        }
        return symbol;
    }

    private RejectedFieldException wrongType(final JsonNode node, final String expected) {
        return new RejectedFieldException(String.format(Locale.ROOT, "field '%s' must be %s, got %s %s",
                name, expected, node.getNodeType().name().toLowerCase(Locale.ROOT), abbreviate(node.toString())));
    }

    private static String abbreviate(final String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static ValueType valueType(final Schema schema) {
        return switch (schema.getType()) {
            case STRING -> ValueType.STRING;
            case INT -> ValueType.INT;
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                    ? ValueType.TIMESTAMP : ValueType.LONG;
            case ENUM -> ValueType.ENUM;
            default -> throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
        };
    }

    private static Map<String, Enum<?>> enumSymbols(final Schema schema) {
        final Class<?> enumClass = SpecificData.get().getClass(schema);
        if (enumClass == null || !enumClass.isEnum()) {
            throw new IllegalArgumentException("no generated enum class for " + schema.getFullName());
        }
        // Insertion order keeps the schema's symbol order for readable rejection reasons.
        return Arrays.stream(enumClass.getEnumConstants()).map(c -> (Enum<?>) c)
                .collect(Collectors.toMap(Enum::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
