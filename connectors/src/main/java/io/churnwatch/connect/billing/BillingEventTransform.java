package io.churnwatch.connect.billing;

import io.churnwatch.connect.Version;
import io.churnwatch.connect.converter.AvroToConnect;
import io.churnwatch.connect.data.StructJson;
import io.churnwatch.events.BillingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A single message transform for a Debezium relational source (PostgreSQL's, typically) capturing the billing
 * database: each change of the subscriptions and invoices tables becomes the {@link BillingEvent} it means
 * ({@link BillingChangeMapper}), on churnwatch's {@code billing} topic, keyed by accountId, timestamped with the
 * event's occurredAt, its value a Connect struct of the contract's schema (which {@code ChurnwatchAvroConverter}
 * writes under the contract's own registry id). Changes that are not billing events (an update of an unrelated
 * column, a delete, a tombstone) are dropped, as a filter drops them; records that are not row changes of the two
 * tables (other tables, heartbeats) pass through unchanged.
 *
 * <p>A change that cannot become an event is not lost: it goes to {@code dead.letter.topic} as the row change in
 * JSON (a string), with the headers {@code churnwatch.dlq.reason}, {@code churnwatch.dlq.detail},
 * {@code churnwatch.dlq.source.table} and {@code churnwatch.dlq.source.position} (the WAL position), and is counted
 * by the plugin metric {@code billing-cdc-dead-letters-total} (tag {@code reason}), beside
 * {@code billing-cdc-events-total}.
 */
public final class BillingEventTransform<R extends ConnectRecord<R>> implements Transformation<R>, Versioned,
        Monitorable {

    public static final String REASON = "churnwatch.dlq.reason";
    public static final String DETAIL = "churnwatch.dlq.detail";
    public static final String SOURCE_TABLE = "churnwatch.dlq.source.table";
    public static final String SOURCE_POSITION = "churnwatch.dlq.source.position";

    private static final Schema EVENT_SCHEMA = new AvroToConnect().schema(BillingEvent.getClassSchema());

    private final AvroToConnect toConnect = new AvroToConnect();
    private final AtomicLong events = new AtomicLong();
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private BillingCdcConfig config;
    private BillingChangeMapper mapper;
    private PluginMetrics metrics;

    @Override
    public void configure(final Map<String, ?> configs) {
        config = new BillingCdcConfig(configs);
        mapper = new BillingChangeMapper(config);
    }

    @Override
    public R apply(final R record) {
        final RowChange change = RowChange.of(record.key(), record.value());
        if (change == null || !mapper.isBilling(change)) {
            return record;
        }
        try {
            final Optional<BillingEvent> event = mapper.map(change);
            if (event.isEmpty()) {
                return null;
            }
            events.incrementAndGet();
            final BillingEvent e = event.get();
            return record.newRecord(config.getString(BillingCdcConfig.TOPIC), null, Schema.STRING_SCHEMA,
                    e.getAccountId(), EVENT_SCHEMA, toConnect.value(BillingEvent.getClassSchema(), e),
                    e.getOccurredAt().toEpochMilli());
        } catch (final UnmappableChangeException e) {
            return deadLetter(record, change, e);
        }
    }

    private R deadLetter(final R record, final RowChange change, final UnmappableChangeException e) {
        counter(e.reason()).incrementAndGet();
        final Headers headers = record.headers().duplicate();
        header(headers, REASON, e.reason());
        header(headers, DETAIL, e.getMessage());
        header(headers, SOURCE_TABLE, change.qualifiedTable());
        header(headers, SOURCE_POSITION, change.position());
        final String json = StructJson.of(record.valueSchema(), record.value()).toString();
        return record.newRecord(config.getString(BillingCdcConfig.DEAD_LETTER_TOPIC), null, Schema.STRING_SCHEMA,
                change.key(), Schema.STRING_SCHEMA, json, change.commitMs(), headers);
    }

    /** A string header: the worker's default header converter writes it as its UTF-8 bytes (bytes it would base64). */
    private static void header(final Headers headers, final String name, final String value) {
        headers.addString(name, value);
    }

    private AtomicLong counter(final String reason) {
        return deadLetters.computeIfAbsent(reason, r -> {
            final AtomicLong count = new AtomicLong();
            if (metrics != null) {
                final LinkedHashMap<String, String> tags = new LinkedHashMap<>();
                tags.put("reason", r);
                metrics.addMetric(metrics.metricName("billing-cdc-dead-letters-total",
                        "Billing row changes sent to the dead-letter topic", tags), (Measurable) (c, now) -> count.get());
            }
            return count;
        });
    }

    @Override
    public void withPluginMetrics(final PluginMetrics pluginMetrics) {
        this.metrics = pluginMetrics;
        pluginMetrics.addMetric(pluginMetrics.metricName("billing-cdc-events-total",
                "Billing row changes turned into BillingEvents", new LinkedHashMap<>()),
                (Measurable) (c, now) -> events.get());
    }

    /** Dead-lettered changes of {@code reason} so far (tests and the metric read it). */
    long deadLettered(final String reason) {
        final AtomicLong count = deadLetters.get(reason);
        return count == null ? 0 : count.get();
    }

    @Override
    public ConfigDef config() {
        return BillingCdcConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        // Nothing to release: the metrics are removed by the worker with the plugin.
    }
}
