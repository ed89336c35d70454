package io.churnwatch.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of a generated Avro record class in the Confluent wire format, through a schema registry speaking the
 * Confluent REST API: {@link AvroSerializer} and {@link AvroDeserializer} together.
 *
 * <p>Built ready to use by {@link #of(Class, SchemaRegistryClient, boolean)} (share one client among serdes so
 * they share its caches), from configuration by {@link #of(Class, Map, boolean)}, or by Kafka through the
 * no-argument constructor and {@link #configure} (the class then comes from {@code specific.avro.value.type} or
 * {@code specific.avro.key.type}). {@link #configure} on a serde built with a client keeps the client and
 * class and applies the options of {@link RegistrySerdeConfig}.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** A serde for Kafka to instantiate by class name and {@link #configure}. */
    public AvroSerde() {
        this(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    private AvroSerde(final AvroSerializer<T> serializer, final AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** A serde of {@code type} for keys or values on {@code client}, with default options (auto-registration). */
    public static <T extends SpecificRecord> AvroSerde<T> of(final Class<T> type, final SchemaRegistryClient client,
                                                             final boolean isKey) {
        final SchemaRegistryClient shared = CachingSchemaRegistryClient.wrap(client);
        return new AvroSerde<>(new AvroSerializer<>(shared, isKey), new AvroDeserializer<>(type, shared));
    }

    /**
     * A serde of {@code type} for keys or values configured by {@code configs} ({@link RegistrySerdeConfig}):
     * the registry client is built from {@code schema.registry.url}.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(final Class<T> type, final Map<String, ?> configs,
                                                             final boolean isKey) {
        final SchemaRegistryClient client = new RegistrySerdeConfig(configs).createClient();
        final AvroSerde<T> serde = of(type, client, isKey);
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
