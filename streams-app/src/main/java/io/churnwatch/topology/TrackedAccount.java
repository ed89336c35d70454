package io.churnwatch.topology;

import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.AccountStateSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the account-state store keeps per account: the signals' state, the deadline under which the account is
 * filed in the {@link DeadlineIndex} ({@link #NO_DEADLINE} when it is not filed), so the entry can be moved when
 * the deadline changes, and the ids of its recent events ({@link DuplicateFilter}). Public for interactive
 * queries of the store (read-only use).
 */
public record TrackedAccount(AccountState state, long deadline, RecentEventIds eventIds) {

    static final long NO_DEADLINE = -1L;
    /**
     * First byte of the current encoding. The first one had none: it began with the deadline, whose first byte is
     * 0x00 (an epoch millisecond) or 0xFF ({@link #NO_DEADLINE}), so the two are told apart by that byte.
     */
    private static final byte FORMAT_WITH_IDS = 2;

    boolean hasDeadline() {
        return deadline != NO_DEADLINE;
    }

    /**
     * Encoding: the format byte 2, the 8-byte deadline, the recent event ids ({@link RecentEventIds#write}), then
     * the state as {@link AccountStateSerde} writes it. The first format (deadline and state, no ids), found in
     * changelogs written by earlier releases, is read with no ids remembered.
     */
    static Serde<TrackedAccount> serde() {
        final Serde<AccountState> states = new AccountStateSerde();
        final Serializer<TrackedAccount> serializer = (topic, tracked) -> {
            if (tracked == null) {
                return null;
            }
            final byte[] state = states.serializer().serialize(topic, tracked.state());
            final ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES + tracked.eventIds().encodedSize()
                    + state.length);
            out.put(FORMAT_WITH_IDS).putLong(tracked.deadline());
            tracked.eventIds().write(out);
            return out.put(state).array();
        };
        final Deserializer<TrackedAccount> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            final ByteBuffer in = ByteBuffer.wrap(bytes);
            final RecentEventIds ids;
            final long deadline;
            if (bytes.length > 0 && bytes[0] == FORMAT_WITH_IDS) {
                in.get();
                deadline = in.getLong();
                ids = readIds(in);
            } else {
                deadline = in.getLong();
                ids = RecentEventIds.empty();
            }
            return new TrackedAccount(
                    states.deserializer().deserialize(topic, Arrays.copyOfRange(bytes, in.position(), bytes.length)),
                    deadline, ids);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static RecentEventIds readIds(final ByteBuffer in) {
        try {
            return RecentEventIds.read(in);
        } catch (final IllegalArgumentException | BufferUnderflowException e) {
            throw new SerializationException("corrupt recent event ids in account state: " + e.getMessage(), e);
        }
    }
}
