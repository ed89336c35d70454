package io.churnwatch.signals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link AccountState} for the state store and its changelog.
 *
 * <p>Format: one format-version byte ({@value #VERSION}), then the fields in a fixed order written with Avro's
 * binary primitives (zig-zag varints, length-prefixed UTF-8 strings): account id, clock, usage facts, support
 * facts, billing facts, health ring, last emitted score, episodes. Rings are written oldest day first and maps
 * in sorted order, so equal states always give the same bytes. A typical active account takes a few hundred
 * bytes. Unreadable bytes raise a {@link SerializationException}; {@code null} maps to {@code null}.
 */
public final class AccountStateSerde implements Serde<AccountState> {

    static final byte VERSION = 1;

    @Override
    public Serializer<AccountState> serializer() {
        return (topic, state) -> state == null ? null : toBytes(state);
    }

    @Override
    public Deserializer<AccountState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }

    static byte[] toBytes(final AccountState state) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.write(VERSION);
        try {
            final BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
            state.write(out);
            out.flush();
        } catch (final IOException e) {
            throw new SerializationException("cannot encode state of account " + state.accountId(), e);
        }
        return bytes.toByteArray();
    }

    static AccountState fromBytes(final byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new SerializationException("unknown account state format version "
                    + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0])));
        }
        try {
            final BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
            final AccountState state = AccountState.read(in);
            if (!in.isEnd()) {
                throw new SerializationException("trailing bytes after account state");
            }
            return state;
        } catch (final SerializationException e) {
            throw e;
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("corrupt account state: " + e.getMessage(), e);
        }
    }
}
