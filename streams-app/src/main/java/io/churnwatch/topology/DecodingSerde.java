package io.churnwatch.topology;

import io.churnwatch.serde.RegistrySerdeException;
import io.churnwatch.serde.RegistryUnavailableException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wraps a value serde so that bad input never throws: bytes that the inner deserializer refuses become a
 * {@link Decoded#rejected rejected} value carrying the failure's reason, to be dead-lettered downstream.
 * An unreachable registry is not bad input and still throws (see below).
 *
 * <p>Only the read side is used in the topology; the write side serializes the decoded value for symmetry
 * (and for tests that produce through this serde).
 */
public final class DecodingSerde<V> implements Serde<Decoded<V>> {

    private final Serde<V> inner;

    public DecodingSerde(final Serde<V> inner) {
        this.inner = inner;
    }

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        inner.configure(configs, isKey);
    }

    @Override
    public Serializer<Decoded<V>> serializer() {
        final Serializer<V> serializer = inner.serializer();
        return (topic, decoded) -> decoded == null ? null
                : decoded.isRejected() ? decoded.raw() : serializer.serialize(topic, decoded.value());
    }

    @Override
    public Deserializer<Decoded<V>> deserializer() {
        final Deserializer<V> deserializer = inner.deserializer();
        return new Deserializer<>() {
            @Override
            public Decoded<V> deserialize(final String topic, final byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public Decoded<V> deserialize(final String topic, final Headers headers, final byte[] data) {
                if (data == null) {
                    return Decoded.ok(null, null);
                }
                try {
                    return Decoded.ok(deserializer.deserialize(topic, headers, data), data);
                } catch (final RegistryUnavailableException e) {
                    // Not bad input: the record is fine and the registry is down. Failing here stops the task
                    // before the offset is committed, so the record is read again once the registry is back.
                    throw e;
                } catch (final RegistrySerdeException e) {
                    return Decoded.rejected(data, e.reason(), e.getMessage());
                } catch (final SerializationException e) {
                    return Decoded.rejected(data, Rejections.UNDECODABLE, e.getMessage());
                } catch (final RuntimeException e) {
                    // Avro may throw plain runtime exceptions on truncated or corrupted payloads.
                    return Decoded.rejected(data, Rejections.UNDECODABLE, e.toString());
                }
            }
        };
    }

    @Override
    public void close() {
        inner.close();
    }
}
