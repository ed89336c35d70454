package io.churnwatch.connect.converter;

import io.churnwatch.connect.Version;
import io.churnwatch.serde.CachingSchemaRegistryClient;
import io.churnwatch.serde.RegistrySerdeConfig;
import io.churnwatch.serde.RegistrySerdeException;
import io.churnwatch.serde.RegistryUnavailableException;
import io.churnwatch.serde.SchemaRegistryClient;
import io.churnwatch.serde.TopicNameStrategy;
import io.churnwatch.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect {@link Converter} for the Confluent wire format (magic byte 0, big-endian schema id, Avro binary) on
 * a registry speaking the Confluent REST API, so that any Connect sink reads {@code churn-risk-alerts} and
 * {@code account-health} as structured records, and a source writes our topics as churnwatch's own serde would.
 *
 * <p>Configured with the keys of {@link RegistrySerdeConfig} (Confluent's: {@code schema.registry.url},
 * {@code auto.register.schemas}, {@code basic.auth.*}, {@code schema.registry.ssl.*}), given to a worker or a
 * connector with the {@code key.converter.}/{@code value.converter.} prefix. Reading: the writer schema by the
 * id in the header, mapped by {@link AvroToConnect}. Writing: the schema from {@link ConnectToAvro}, registered
 * under the topic's subject ({@code <topic>-value}/{@code -key}) when {@code auto.register.schemas} (the default),
 * else looked up. Ids and schemas are cached both ways. Null bytes and null values are tombstones. Bad bytes,
 * unknown ids and values that do not fit the schema are {@link DataException}s naming the topic, so the worker's
 * {@code errors.tolerance} and dead-letter queue apply to them; an unreachable registry is a
 * {@link RetriableException}, which the worker retries ({@code errors.retry.timeout}).
 */
public final class ChurnwatchAvroConverter implements Converter {

    private final AvroToConnect toConnect = new AvroToConnect();
    private final ConnectToAvro toAvro = new ConnectToAvro();
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegister;

    /** A converter that builds its registry client from {@link #configure}. */
    public ChurnwatchAvroConverter() {
    }

    /** A converter on {@code client} (tests); {@link #configure} still reads the other options. */
    public ChurnwatchAvroConverter(final SchemaRegistryClient client) {
        this.client = CachingSchemaRegistryClient.wrap(client);
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        final RegistrySerdeConfig config = new RegistrySerdeConfig(configs);
        if (client == null) {
            client = CachingSchemaRegistryClient.wrap(config.createClient());
        }
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        ids.clear();
    }

    @Override
    public ConfigDef config() {
        return RegistrySerdeConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public byte[] fromConnectData(final String topic, final org.apache.kafka.connect.data.Schema schema,
                                  final Object value) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            throw new DataException("Records for topic " + topic + " need a Connect schema to be written as Avro");
        }
        final Schema avro = toAvro.schema(schema);
        final Object datum = toAvro.value(avro, value);
        final int id = ids.computeIfAbsent(avro, s -> schemaId(topic, s));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, id);
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<>(avro).write(datum, encoder);
            encoder.flush();
        } catch (final IOException | RuntimeException e) {
            throw new DataException("Record for topic " + topic + " does not encode as " + avro.getFullName()
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public SchemaAndValue toConnectData(final String topic, final byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            final int id = WireFormat.schemaId(value);
            final Schema writer = client.getSchemaById(id);
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, WireFormat.HEADER_LENGTH,
                    value.length - WireFormat.HEADER_LENGTH, null);
            final Object datum = new GenericDatumReader<>(writer).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new DataException(String.format(Locale.ROOT,
                        "Record from topic %s has bytes left after its payload (schema id %d)", topic, id));
            }
            return new SchemaAndValue(toConnect.schema(writer), toConnect.value(writer, datum));
        } catch (final RegistryUnavailableException e) {
            throw new RetriableException("Schema registry unreachable reading topic " + topic + ": " + e.getMessage(),
                    e);
        } catch (final DataException e) {
            throw e;
        } catch (final IOException | RuntimeException e) {
            throw new DataException("Record from topic " + topic + " is not readable churnwatch Avro: " + e, e);
        }
    }

    private int schemaId(final String topic, final Schema avro) {
        final String subject = TopicNameStrategy.subject(topic, isKey);
        try {
            return autoRegister ? client.register(subject, avro) : client.getId(subject, avro);
        } catch (final RegistryUnavailableException e) {
            throw new RetriableException("Schema registry unreachable registering " + avro.getFullName() + " for "
                    + subject + ": " + e.getMessage(), e);
        } catch (final RegistrySerdeException e) {
            throw new DataException("Schema " + avro.getFullName() + " for subject " + subject + ": " + e.getMessage(),
                    e);
        }
    }
}
