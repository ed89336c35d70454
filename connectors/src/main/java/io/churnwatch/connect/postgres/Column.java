package io.churnwatch.connect.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.connect.data.StructJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * One field of a record's value as a column: its name in snake_case ({@code mrrAtRiskCents} →
 * {@code mrr_at_risk_cents}), its PostgreSQL type, and how a value is bound. Scalars map to their SQL types,
 * Connect {@code Timestamp} to {@code timestamptz}, enums (Connect strings) to {@code text}, and structs, arrays
 * and maps (an alert's reasons and evidence, a health update's components) to {@code jsonb} with the
 * contract's field names, so they stay queryable.
 */
record Column(String field, String name, String sqlType, Schema schema) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Column of(final Field field) {
        return new Column(field.name(), snakeCase(field.name()), sqlType(field.schema()), field.schema());
    }

    static String snakeCase(final String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String sqlType(final Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return "timestamptz";
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return "numeric";
        }
        return switch (schema.type()) {
            case INT8, INT16 -> "smallint";
            case INT32 -> "integer";
            case INT64 -> "bigint";
            case FLOAT32 -> "real";
            case FLOAT64 -> "double precision";
            case BOOLEAN -> "boolean";
            case STRING -> "text";
            case BYTES -> "bytea";
            case STRUCT, ARRAY, MAP -> "jsonb";
        };
    }

    boolean json() {
        return "jsonb".equals(sqlType);
    }

    /** The column's placeholder in an INSERT: JSON is sent as text and cast by the server. */
    String placeholder() {
        return json() ? "CAST(? AS jsonb)" : "?";
    }

    String quoted() {
        return '"' + name + '"';
    }

    void bind(final PreparedStatement statement, final int index, final Struct value) throws SQLException {
        final Object datum = value.get(field);
        if (datum == null) {
            statement.setNull(index, json() ? Types.VARCHAR : Types.NULL);
        } else if (json()) {
            statement.setString(index, json(datum));
        } else if (datum instanceof Date date) {
            statement.setObject(index, date.toInstant().atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, datum);
        }
    }

    private String json(final Object datum) {
        try {
            return JSON.writeValueAsString(StructJson.of(schema, datum));
        } catch (final JsonProcessingException e) {
            throw new DataException("Field " + field + " does not write as JSON: " + e.getMessage(), e);
        }
    }
}
