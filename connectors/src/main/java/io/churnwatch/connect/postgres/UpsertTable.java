package io.churnwatch.connect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The SQL of one table for one value schema: {@code CREATE TABLE IF NOT EXISTS} with the key field as primary
 * key, {@code ADD COLUMN IF NOT EXISTS} for every field (so a new optional field of the contract becomes a
 * column), and the upsert, {@code INSERT ... ON CONFLICT (key) DO UPDATE}, which with a version field only
 * updates when the stored row is not newer: {@code WHERE t.version <= EXCLUDED.version}.
 */
final class UpsertTable {

    private final String table;
    private final List<Column> columns;
    private final Column key;
    private final Column version;

    UpsertTable(final String table, final Schema valueSchema, final String keyField, final String versionField) {
        if (valueSchema == null || valueSchema.type() != Schema.Type.STRUCT) {
            throw new DataException("Table " + table + " needs struct values with a schema, got "
                    + (valueSchema == null ? "no schema" : valueSchema.type()));
        }
        this.table = '"' + table + '"';
        this.columns = valueSchema.fields().stream().map(Column::of).toList();
        this.key = column(keyField, valueSchema);
        this.version = versionField.isEmpty() ? null : column(versionField, valueSchema);
    }

    private Column column(final String field, final Schema schema) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow(() ->
                new DataException("Records of " + schema.name() + " have no field '" + field + "' for table " + table));
    }

    /** Creates the table if absent and adds the columns it lacks; the caller commits. */
    void ensure(final Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Tasks of a connector start together and CREATE TABLE IF NOT EXISTS is not safe against itself: a
            // transaction-scoped advisory lock per table makes them take turns.
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + table.replace("'", "''") + "'))");
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + key.quoted() + " " + key.sqlType()
                    + " PRIMARY KEY)");
            for (final Column column : columns) {
                statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column.quoted() + " "
                        + column.sqlType());
            }
        }
    }

    String upsertSql() {
        final String names = columns.stream().map(Column::quoted).collect(Collectors.joining(", "));
        final String values = columns.stream().map(Column::placeholder).collect(Collectors.joining(", "));
        final String updates = columns.stream().filter(c -> c != key)
                .map(c -> c.quoted() + " = EXCLUDED." + c.quoted()).collect(Collectors.joining(", "));
        final String guard = version == null ? ""
                : " WHERE " + table + "." + version.quoted() + " <= EXCLUDED." + version.quoted();
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT (" + key.quoted()
                + ") DO UPDATE SET " + updates + guard;
    }

    void bind(final PreparedStatement statement, final Struct value) throws SQLException {
        if (value.get(key.field()) == null) {
            throw new DataException("Record has no value for key field " + key.field());
        }
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).bind(statement, i + 1, value);
        }
    }

    String name() {
        return table;
    }
}
