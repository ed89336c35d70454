package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.serde.AvroSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes churnwatch input records to their Kafka topics: from JSONL files ({@link #importFile}) or straight
 * from the history generator (it is an {@link EventSink}: {@code generator.generate(importer);
 * importer.flush();}).
 *
 * <p>Each record goes to its feed's topic as named by the configuration ({@code topic.usage}, ...), keyed by
 * its {@code accountId} (UTF-8 string), with the event's {@code occurredAt} as the record timestamp, or a
 * profile's {@code signedUpAt} (see {@link EventTimes}), and its value in the Confluent wire format through
 * {@link AvroSerializer} on the configured {@code schema.registry.url}. The producer is idempotent with
 * {@code acks=all}, lz4 compression, 20 ms linger, 256 KiB batches and one request in flight per broker (see
 * {@link #producerSettings}), unless the configuration sets those keys.
 * Sends are asynchronous: the first failure reported by the producer is kept, makes every later send throw,
 * and is thrown by {@link #flush()}, which must be called to know that everything was stored. Used from one
 * thread.
 */
public final class KafkaImporter implements EventSink, RecordTarget, AutoCloseable {

    private static final int BATCH_BYTES = 256 * 1024;
    private static final int LINGER_MS = 20;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;
    private final Serializer<SpecificRecord> serializer;
    private final Map<EventKind, String> topics;
    private final Map<EventKind, Callback> callbacks = new EnumMap<>(EventKind.class);
    private final AtomicReference<ImportFailedException> failure = new AtomicReference<>();
    private final LongAdder acknowledged = new LongAdder();
    private long sent;

    /**
     * An importer on a producer and a value serializer of the caller's; used by tests.
     *
     * @param topics the topic of each feed
     */
    KafkaImporter(final Producer<String, byte[]> producer, final Serializer<SpecificRecord> serializer,
                  final Map<EventKind, String> topics) {
        this.producer = producer;
        this.serializer = serializer;
        this.topics = new EnumMap<>(topics);
        topics.forEach((kind, topic) -> callbacks.put(kind, (metadata, exception) -> {
            if (exception == null) {
                acknowledged.increment();
            } else {
                failure.compareAndSet(null, new ImportFailedException("cannot write to topic " + topic + ": "
                        + exception.getMessage(), exception));
            }
        }));
    }

    /**
     * An importer on the configured cluster and schema registry.
     *
     * @throws org.apache.kafka.common.config.ConfigException when the registry or client settings are invalid
     */
    public static KafkaImporter create(final ChurnConfig config) {
        final Map<EventKind, String> topics = new EnumMap<>(EventKind.class);
        for (final EventKind kind : EventKind.values()) {
            topics.put(kind, config.getString(kind.configKey()));
        }
        final Map<String, Object> serdeSettings = Registries.serdeSettings(config);
        final AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(Registries.client(config), false);
        serializer.configure(serdeSettings, false);
        return new KafkaImporter(new KafkaProducer<>(producerSettings(config), new StringSerializer(),
                new ByteArraySerializer()), serializer, topics);
    }

    /** The producer settings: the client settings of the configuration with the importer's defaults. */
    static Map<String, Object> producerSettings(final ChurnConfig config) {
        final Map<String, Object> settings = ClientSettings.of(config);
        settings.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        settings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        // Imports often start right after the topics were created: with several requests in flight, a batch
        // refused while the broker still opens a new partition can be overtaken by the next one and then retried
        // as out of order until it expires (KAFKA-15591). One request per broker keeps batches in order; the
        // throughput measured the same, since each request already carries a batch of every partition.
        settings.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return settings;
    }

    /** The topic records of {@code kind} are written to. */
    public String topic(final EventKind kind) {
        return topics.get(kind);
    }

    /**
     * Streams a JSONL file of {@code kind} into its topic (see {@link JsonlImport}) and flushes.
     *
     * @throws IOException when the file cannot be read
     * @throws ImportFailedException when a record cannot be serialized or stored
     */
    public ImportResult importFile(final EventKind kind, final Path file, final ImportListener listener)
            throws IOException {
        return JsonlImport.run(kind, file, this, listener);
    }

    /**
     * Serializes {@code record} and hands it to the producer.
     *
     * @throws ImportFailedException when an earlier send failed, or this record cannot be serialized or sent
     */
    @Override
    public void send(final EventKind kind, final SpecificRecord record) {
        throwIfFailed();
        final String topic = topics.get(kind);
        final String key = kind.codec().accountId(record);
        final long timestamp = EventTimes.of(record).toEpochMilli();
        final byte[] value;
        try {
            value = serializer.serialize(topic, record);
        } catch (final RuntimeException e) {
            throw new ImportFailedException("cannot serialize " + record.getSchema().getName() + " for topic "
                    + topic + ": " + e.getMessage(), e);
        }
        try {
            producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), callbacks.get(kind));
        } catch (final RuntimeException e) {
            throw new ImportFailedException("cannot send to topic " + topic + ": " + e.getMessage(), e);
        }
        sent++;
    }

    /**
     * Waits until every record sent so far is acknowledged.
     *
     * @throws ImportFailedException with the first failure of any send
     */
    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    /** Records handed to the producer. */
    public long sent() {
        return sent;
    }

    /** Records the cluster acknowledged. */
    public long acknowledged() {
        return acknowledged.sum();
    }

    @Override
    public void accept(final AccountProfile profile) {
        send(EventKind.ACCOUNTS, profile);
    }

    @Override
    public void accept(final UsageEvent event) {
        send(EventKind.USAGE, event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        send(EventKind.TICKETS, event);
    }

    @Override
    public void accept(final BillingEvent event) {
        send(EventKind.BILLING, event);
    }

    /** Closes the producer, waiting a bounded time for records in flight; call {@link #flush()} first. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
        serializer.close();
    }

    private void throwIfFailed() {
        final ImportFailedException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
