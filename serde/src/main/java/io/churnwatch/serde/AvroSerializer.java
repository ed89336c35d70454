package io.churnwatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes generated Avro records in the Confluent wire format ({@link WireFormat}), under the subject
 * {@code <topic>-value} or {@code <topic>-key} ({@link TopicNameStrategy}).
 *
 * <p>The schema id comes from registering the record's schema ({@code auto.register.schemas=true}, the
 * default), from looking it up under the subject ({@code false}: a missing schema is a
 * {@link SchemaNotRegisteredException}), or from the subject's latest version ({@code use.latest.version=true},
 * read once; a latest schema that cannot read the record's is a {@link SchemaResolutionException}). The id
 * and the datum writer are cached per topic and schema: after the first record no registry request is made.
 * {@code null} serializes to {@code null} (tombstones). Thread-safe once configured.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Encodes a record after the header; the record's own writer, or a {@link LatestSchemaWriter}. */
    @FunctionalInterface
    private interface PayloadWriter {
        void write(Object record, BinaryEncoder encoder) throws IOException;
    }

    private record WritePlan(int id, PayloadWriter writer) {
    }

    private static final int INITIAL_BUFFER = 256;
    /**
     * One buffered encoder per thread, re-aimed at each record's output: it encodes into its own array and
     * hands the bytes over in one write, about a third cheaper than an unbuffered encoder (SerdeBenchmark).
     */
    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

    private final Map<String, Map<Schema, WritePlan>> plans = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatestVersion;

    /** A serializer that takes its registry and options from {@link #configure}. */
    public AvroSerializer() {
    }

    /** A serializer with default options (auto-registration) on {@code client}, cached unless it caches. */
    public AvroSerializer(final SchemaRegistryClient client, final boolean isKey) {
        this.client = CachingSchemaRegistryClient.wrap(Objects.requireNonNull(client, "client"));
        this.isKey = isKey;
    }

    /**
     * Reads {@link RegistrySerdeConfig} options; builds the registry client from {@code schema.registry.url}
     * unless one was given to the constructor.
     */
    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(configs);
        if (client == null) {
            client = CachingSchemaRegistryClient.wrap(config.createClient());
        }
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        plans.clear();
    }

    @Override
    public byte[] serialize(final String topic, final T record) {
        if (record == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer needs a registry client or configure() first");
        }
        final WritePlan plan = plan(topic, record);
        final ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER);
        WireFormat.writeHeader(out, plan.id());
        try {
            final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
            ENCODERS.set(encoder);
            plan.writer().write(record, encoder);
            encoder.flush();
        } catch (final IOException | RuntimeException e) {
            throw new InvalidRecordException(String.format(Locale.ROOT, "Cannot encode %s for topic %s: %s",
                    record.getSchema().getFullName(), topic, e), e);
        }
        return out.toByteArray();
    }

    private WritePlan plan(final String topic, final T record) {
        final Map<Schema, WritePlan> ofTopic = plans.computeIfAbsent(topic, key -> new ConcurrentHashMap<>());
        final WritePlan known = ofTopic.get(record.getSchema());
        return known != null ? known : ofTopic.computeIfAbsent(record.getSchema(), schema -> newPlan(topic, record));
    }

    private WritePlan newPlan(final String topic, final T record) {
        final String subject = TopicNameStrategy.subject(topic, isKey);
        final Schema schema = record.getSchema();
        final DatumWriter<Object> own = new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()));
        if (!useLatestVersion) {
            return new WritePlan(autoRegister ? client.register(subject, schema) : lookUp(subject, schema), own::write);
        }
        final RegisteredSchema latest = client.getLatestSchema(subject);
        // The binary encoding depends only on the parsing canonical form: docs, defaults and properties aside.
        if (SchemaNormalization.toParsingForm(latest.schema()).equals(SchemaNormalization.toParsingForm(schema))) {
            return new WritePlan(latest.id(), own::write);
        }
        return new WritePlan(latest.id(), new LatestSchemaWriter(schema, own, latest)::write);
    }

    private int lookUp(final String subject, final Schema schema) {
        try {
            return client.getId(subject, schema);
        } catch (final SchemaNotRegisteredException e) {
            throw new SchemaNotRegisteredException(subject, String.format(Locale.ROOT,
                    "auto.register.schemas=false and schema %s is not registered under subject '%s'; register it "
                            + "first (%s)", schema.getFullName(), subject, e.getMessage()),
                    e.status(), e.errorCode(), e.registryMessage());
        }
    }
}
