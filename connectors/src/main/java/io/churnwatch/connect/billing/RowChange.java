package io.churnwatch.connect.billing;

import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * One row change as Debezium's relational connectors describe it: the value is an envelope {@code {before, after,
 * source, op, ts_ms}} whose {@code source} names the table ({@code schema}, {@code table}) and the change's
 * position ({@code lsn} for PostgreSQL, the commit time otherwise); {@code op} is {@code c}reate, {@code u}pdate,
 * {@code d}elete or {@code r}ead (a snapshot row). {@code before} is only there for an update or a delete when the
 * table's replica identity is FULL.
 *
 * @param key the row's primary key as text (the record key's fields, joined by '/'), part of the event id
 */
record RowChange(String schema, String table, char op, Struct before, Struct after, String key, String position,
                 long commitMs) {

    static final char CREATE = 'c';
    static final char UPDATE = 'u';
    static final char DELETE = 'd';
    static final char SNAPSHOT = 'r';

    /** The change {@code value} describes, or null when it is not a Debezium row-change envelope. */
    static RowChange of(final Object key, final Object value) {
        if (!(value instanceof Struct envelope) || envelope.schema().field("op") == null
                || envelope.schema().field("source") == null || envelope.schema().field("after") == null) {
            return null;
        }
        final Struct source = envelope.getStruct("source");
        final String op = envelope.getString("op");
        if (source == null || op == null || op.length() != 1) {
            return null;
        }
        final Long lsn = source.schema().field("lsn") != null ? source.getInt64("lsn") : null;
        final long commitMs = millis(source, envelope);
        return new RowChange(text(source, "schema"), text(source, "table"), op.charAt(0),
                envelope.getStruct("before"), envelope.getStruct("after"), keyText(key),
                lsn != null ? "lsn " + lsn : "ts " + commitMs, commitMs);
    }

    /** The row as it is after the change, or before it for a delete. */
    Struct row() {
        return after != null ? after : before;
    }

    /** The table as {@code schema.table}, for messages and ids. */
    String qualifiedTable() {
        return schema == null ? table : schema + "." + table;
    }

    private static long millis(final Struct source, final Struct envelope) {
        if (source.schema().field("ts_ms") != null && source.get("ts_ms") != null) {
            return source.getInt64("ts_ms");
        }
        final Field ts = envelope.schema().field("ts_ms");
        return ts != null && envelope.get(ts) != null ? envelope.getInt64("ts_ms") : 0L;
    }

    private static String text(final Struct struct, final String field) {
        return struct.schema().field(field) == null || struct.get(field) == null ? null : struct.get(field).toString();
    }

    private static String keyText(final Object key) {
        if (key instanceof Struct struct) {
            return struct.schema().fields().stream().map(f -> String.valueOf(struct.get(f)))
                    .collect(Collectors.joining("/"));
        }
        return String.valueOf(key);
    }
}
