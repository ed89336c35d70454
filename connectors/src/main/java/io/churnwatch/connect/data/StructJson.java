package io.churnwatch.connect.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect value as the JSON a CRM reads: a struct becomes an object with the contract's field names (so an
 * alert arrives as {@code {"alertId": ..., "severity": "HIGH", "openedAt": "2026-02-01T00:00:00Z", ...}}),
 * timestamps become ISO-8601 UTC strings, enums (Connect strings) their symbol, maps objects, bytes Base64.
 * Absent optional fields are written as {@code null}, so every alert has the same keys.
 */
public final class StructJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StructJson() {
    }

    public static JsonNode of(final Schema schema, final Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema != null && Timestamp.LOGICAL_NAME.equals(schema.name()) || value instanceof Date) {
            return NODES.textNode(((Date) value).toInstant().toString());
        }
        if (schema != null && Decimal.LOGICAL_NAME.equals(schema.name())) {
            return NODES.numberNode((java.math.BigDecimal) value);
        }
        if (value instanceof Struct struct) {
            final ObjectNode object = NODES.objectNode();
            for (final Field field : struct.schema().fields()) {
                object.set(field.name(), of(field.schema(), struct.get(field)));
            }
            return object;
        }
        if (value instanceof Map<?, ?> map) {
            final ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), of(schema == null ? null : schema.valueSchema(), v)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            final ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(of(schema == null ? null : schema.valueSchema(), item)));
            return array;
        }
        return scalar(value);
    }

    private static JsonNode scalar(final Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Float || value instanceof Double) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof ByteBuffer buffer) {
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        throw new DataException("No JSON form for a " + value.getClass().getName() + " value");
    }
}
