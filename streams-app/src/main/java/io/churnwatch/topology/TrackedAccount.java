package io.churnwatch.topology;

import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.AccountStateSerde;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the account-state store keeps per account: the signals' state and the deadline under which the
 * account is filed in the {@link DeadlineIndex} ({@link #NO_DEADLINE} when it is not filed), so the entry
 * can be moved when the deadline changes. Public for interactive queries of the store (read-only use).
 */
public record TrackedAccount(AccountState state, long deadline) {

    static final long NO_DEADLINE = -1L;

    boolean hasDeadline() {
        return deadline != NO_DEADLINE;
    }

    /** Encoding: 8-byte deadline, then the state as {@link AccountStateSerde} writes it. */
    static Serde<TrackedAccount> serde() {
        final Serde<AccountState> states = new AccountStateSerde();
        final Serializer<TrackedAccount> serializer = (topic, tracked) -> {
            if (tracked == null) {
                return null;
            }
            final byte[] state = states.serializer().serialize(topic, tracked.state());
            return ByteBuffer.allocate(Long.BYTES + state.length).putLong(tracked.deadline()).put(state).array();
        };
        final Deserializer<TrackedAccount> deserializer = (topic, bytes) -> bytes == null ? null
                : new TrackedAccount(
                        states.deserializer().deserialize(topic, Arrays.copyOfRange(bytes, Long.BYTES, bytes.length)),
                        ByteBuffer.wrap(bytes).getLong());
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }
}
