package io.churnwatch.signals;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link AccountState} for the state store and its changelog.
 *
 * <p>Format: one format-version byte ({@value #VERSION}), then the fields in a fixed order written with Avro's
 * binary primitives (zig-zag varints, length-prefixed UTF-8 strings): account id, clock, usage facts, support
 * facts, billing facts, health ring, last emitted score, episodes (each with its revision), and from version 3
 * the reasons that hold, the CHURN_RISK episode and the cohort membership. Rings are written oldest day first as values
 * and runs of empty days ({@link DailyCounts}), and maps in sorted order, so equal states always give the same
 * bytes. An account with three months of generated history takes about 250 bytes. Versions 1 (rings with every
 * day, absolute feature days) and 2 (no revisions, reasons, risk episode or cohort), written by earlier
 * releases and still found in changelogs, are read too; writing
 * always uses the current version.
 * Unreadable bytes raise a {@link SerializationException}; {@code null} maps to {@code null}.
 */
public final class AccountStateSerde implements Serde<AccountState> {

    static final byte VERSION = 3;

    /** Room for a typical state (200-300 bytes after three months), so that most encodings never grow it. */
    private static final int INITIAL_CAPACITY = 512;

    @Override
    public Serializer<AccountState> serializer() {
        return (topic, state) -> state == null ? null : toBytes(state);
    }

    @Override
    public Deserializer<AccountState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }

    static byte[] toBytes(final AccountState state) {
        final StateWriter out = new StateWriter(INITIAL_CAPACITY);
        out.writeByte(VERSION);
        state.write(out);
        return out.toByteArray();
    }

    static AccountState fromBytes(final byte[] bytes) {
        if (bytes.length == 0 || bytes[0] < 1 || bytes[0] > VERSION) {
            throw new SerializationException("unknown account state format version "
                    + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0])));
        }
        try {
            final StateReader in = new StateReader(bytes, 1, bytes[0]);
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
