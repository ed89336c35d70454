package io.churnwatch.serde;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes Confluent-framed Avro ({@link WireFormat}) into a generated record class.
 *
 * <p>The writer schema is fetched by the id in the header; the generated class's schema is the reader
 * schema, and Avro schema resolution bridges the two, so data written with an older or newer compatible
 * schema reads fine (added fields take their defaults, removed ones are skipped). The datum reader, or the
 * reason the schemas do not resolve, is cached per writer id: after the first record of an id no registry
 * request is made. {@code null} deserializes to {@code null} (tombstones).
 *
 * <p>Failures: {@link InvalidWireFormatException} (short, wrong magic byte, undecodable or trailing bytes),
 * {@link UnknownSchemaIdException}, {@link SchemaResolutionException}, {@link RegistryUnavailableException}.
 * Thread-safe once configured.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    /** How records of one writer id are read: a reader, or why none exists. */
    private record ReadPlan<T>(SpecificDatumReader<T> reader, String incompatibility) {
    }

    private final Map<Integer, ReadPlan<T>> plans = new ConcurrentHashMap<>();
    private Class<T> type;
    private SchemaRegistryClient client;

    /** A deserializer that takes its registry and its class ({@code specific.avro.*.type}) from {@link #configure}. */
    public AvroDeserializer() {
    }

    /** A deserializer into {@code type} on {@code client}, cached unless it caches. */
    public AvroDeserializer(final Class<T> type, final SchemaRegistryClient client) {
        this.type = Objects.requireNonNull(type, "type");
        this.client = CachingSchemaRegistryClient.wrap(Objects.requireNonNull(client, "client"));
    }

    /**
     * Builds the registry client from {@code schema.registry.url} and the class from
     * {@code specific.avro.key.type} / {@code specific.avro.value.type}, unless given to the constructor.
     */
    @Override
    @SuppressWarnings("unchecked")
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(configs);
        if (type == null) {
            final String key = isKey ? RegistrySerdeConfig.SPECIFIC_KEY_TYPE : RegistrySerdeConfig.SPECIFIC_VALUE_TYPE;
            final Class<?> configured = config.specificType(isKey).orElseThrow(() -> new ConfigException(
                    key + " is required: the generated Avro class to deserialize into"));
            if (!SpecificRecord.class.isAssignableFrom(configured)) {
                throw new ConfigException(key, configured.getName(), "not a generated Avro record class");
            }
            type = (Class<T>) configured;
        }
        if (client == null) {
            client = CachingSchemaRegistryClient.wrap(config.createClient());
        }
        plans.clear();
    }

    @Override
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer needs a registry client or configure() first");
        }
        final int id = WireFormat.schemaId(data);
        final ReadPlan<T> known = plans.get(id);
        final ReadPlan<T> plan = known != null ? known : plans.computeIfAbsent(id, this::newPlan);
        if (plan.incompatibility() != null) {
            throw new SchemaResolutionException(plan.incompatibility());
        }
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH,
                data.length - WireFormat.HEADER_LENGTH, null);
        try {
            final T value = plan.reader().read(null, decoder);
            if (decoder.isEnd()) {
                return value;
            }
        } catch (final IOException | RuntimeException e) {
            throw new InvalidWireFormatException(String.format(Locale.ROOT,
                    "Record from topic %s does not decode with writer schema id %d: %s", topic, id, e), e);
        }
        throw new InvalidWireFormatException(String.format(Locale.ROOT,
                "Record from topic %s has bytes left after its payload (writer schema id %d)", topic, id));
    }

    private ReadPlan<T> newPlan(final int id) {
        final Schema writer = client.getSchemaById(id);
        final Schema reader = SpecificData.get().getSchema(type);
        final SchemaPairCompatibility verdict = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return new ReadPlan<>(null, String.format(Locale.ROOT,
                    "Writer schema id %d (%s) cannot be read as %s: %s", id, writer.getFullName(), reader.getFullName(),
                    verdict.getDescription()));
        }
        return new ReadPlan<>(new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(type)), null);
    }
}
