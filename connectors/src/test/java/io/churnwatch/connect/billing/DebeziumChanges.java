package io.churnwatch.connect.billing;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Row changes shaped as Debezium's PostgreSQL connector writes them with its defaults (timestamptz as
 * {@code io.debezium.time.ZonedTimestamp} text, a key struct of the primary key, {@code source.lsn}), for the tables
 * of {@code billing-schema.sql}.
 */
final class DebeziumChanges {

    static final String ZONED = "io.debezium.time.ZonedTimestamp";

    static final Schema SUBSCRIPTION = SchemaBuilder.struct().name("billing.public.subscriptions.Value").optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("account_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("plan", Schema.OPTIONAL_STRING_SCHEMA)
            .field("mrr_cents", Schema.INT64_SCHEMA)
            .field("currency", Schema.STRING_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("cancel_at_period_end", Schema.BOOLEAN_SCHEMA)
            .field("current_period_end", zoned())
            .field("updated_at", zoned())
            .build();

    static final Schema INVOICE = SchemaBuilder.struct().name("billing.public.invoices.Value").optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("account_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount_cents", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("currency", Schema.STRING_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("attempt_count", Schema.INT32_SCHEMA)
            .field("updated_at", zoned())
            .build();

    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("db", Schema.STRING_SCHEMA).field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
    private static final Schema KEY = SchemaBuilder.struct().name("key").field("id", Schema.STRING_SCHEMA).build();

    private DebeziumChanges() {
    }

    private static Schema zoned() {
        return SchemaBuilder.string().name(ZONED).optional().build();
    }

    static Struct subscription(final String id, final String account, final long mrr, final String status,
                               final boolean cancelRequested, final String periodEnd, final String updatedAt) {
        return new Struct(SUBSCRIPTION).put("id", id).put("account_id", account).put("plan", "pro")
                .put("mrr_cents", mrr).put("currency", "eur").put("status", status)
                .put("cancel_at_period_end", cancelRequested).put("current_period_end", periodEnd)
                .put("updated_at", updatedAt);
    }

    static Struct invoice(final String id, final String account, final double amount, final String status,
                          final int attempts, final String updatedAt) {
        return new Struct(INVOICE).put("id", id).put("account_id", account).put("amount_cents", amount)
                .put("currency", "EUR").put("status", status).put("attempt_count", attempts)
                .put("updated_at", updatedAt);
    }

    /** The change {@code op} of a row of {@code table}, from {@code before} to {@code after}, at WAL {@code lsn}. */
    static SourceRecord change(final String table, final char op, final Struct before, final Struct after,
                               final long lsn) {
        final Schema row = before != null ? before.schema() : after.schema();
        final Schema envelope = SchemaBuilder.struct().name("billing.public." + table + ".Envelope")
                .field("before", row).field("after", row).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
        final Struct source = new Struct(SOURCE).put("db", "billing").put("schema", "public").put("table", table)
                .put("ts_ms", 1_780_000_000_000L).put("lsn", lsn);
        final Struct value = new Struct(envelope).put("before", before).put("after", after).put("source", source)
                .put("op", String.valueOf(op)).put("ts_ms", 1_780_000_000_500L);
        final Struct key = new Struct(KEY).put("id", (after != null ? after : before).getString("id"));
        return new SourceRecord(Map.of("server", "billing"), Map.of("lsn", lsn), "billing.public." + table, null,
                KEY, key, envelope, value, 1_780_000_000_500L);
    }
}
