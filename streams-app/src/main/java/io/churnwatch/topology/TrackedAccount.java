package io.churnwatch.topology;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.AccountStateSerde;
import io.churnwatch.signals.ProfileFacts;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the account-state store keeps per account: the signals' state (null while only the account's profile has
 * arrived), the deadline under which the account is filed in the {@link DeadlineIndex} ({@link #NO_DEADLINE} when it
 * is not filed), so the entry can be moved when the deadline changes, the ids of its recent events
 * ({@link DuplicateFilter}), and the facts of its profile (null when not known here: an entry written by a release
 * that did not keep them, whose profile is read from the accounts store instead). Public for interactive queries
 * of the store (read-only use).
 */
public record TrackedAccount(AccountState state, long deadline, RecentEventIds eventIds, ProfileFacts profile) {

    static final long NO_DEADLINE = -1L;
    /**
     * First bytes of the later encodings. The first one had none: it began with the deadline, whose first byte is
     * 0x00 (an epoch millisecond) or 0xFF ({@link #NO_DEADLINE}), so the formats are told apart by that byte.
     */
    private static final byte FORMAT_WITH_IDS = 2;
    private static final byte FORMAT_WITH_PROFILE = 3;
    private static final int NULL_LENGTH = -1;
    private static final byte[] EMPTY = new byte[0];
    /** Each segment's name in UTF-8, encoded once: the serializer runs on every write of the store. */
    private static final Map<Segment, byte[]> SEGMENT_NAMES = new EnumMap<>(Segment.class);

    static {
        for (final Segment segment : Segment.values()) {
            SEGMENT_NAMES.put(segment, segment.name().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An account known by its profile only: no state, no deadline, no event seen. */
    static TrackedAccount profileOnly(final ProfileFacts profile) {
        return new TrackedAccount(null, NO_DEADLINE, RecentEventIds.empty(), profile);
    }

    boolean hasDeadline() {
        return deadline != NO_DEADLINE;
    }

    TrackedAccount withProfile(final ProfileFacts newProfile) {
        return new TrackedAccount(state, deadline, eventIds, newProfile);
    }

    /**
     * Encoding: the format byte 3, the 8-byte deadline, the recent event ids ({@link RecentEventIds#write}), the
     * profile facts (a byte 1 and segment, owner and renewal, or a byte 0 when unknown), then a byte 1 and the state
     * as {@link AccountStateSerde} writes it (a byte 0 when there is none). Read too: format 2 (deadline, ids and
     * state) and the first format (deadline and state), found in changelogs written by earlier releases, with no ids
     * remembered and the profile unknown.
     */
    static Serde<TrackedAccount> serde() {
        final Serde<AccountState> states = new AccountStateSerde();
        final Serializer<TrackedAccount> serializer = (topic, tracked) -> {
            if (tracked == null) {
                return null;
            }
            final byte[] state = tracked.state() == null ? EMPTY : states.serializer().serialize(topic, tracked.state());
            final byte[] owner = utf8(tracked.profile() == null ? null : tracked.profile().ownerId());
            final byte[] segment = tracked.profile() == null ? EMPTY : SEGMENT_NAMES.get(tracked.profile().segment());
            final ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES + tracked.eventIds().encodedSize()
                    + profileSize(tracked.profile(), segment, owner) + 1 + state.length);
            out.put(FORMAT_WITH_PROFILE).putLong(tracked.deadline());
            tracked.eventIds().write(out);
            writeProfile(out, tracked.profile(), segment, owner);
            return out.put((byte) (tracked.state() == null ? 0 : 1)).put(state).array();
        };
        final Deserializer<TrackedAccount> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return read(bytes, states.deserializer(), topic);
            } catch (final IllegalArgumentException | BufferUnderflowException e) {
                throw new SerializationException("corrupt tracked account (recent event ids or profile): "
                        + e.getMessage(), e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static TrackedAccount read(final byte[] bytes, final Deserializer<AccountState> states,
                                       final String topic) {
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final byte format = bytes.length == 0 ? 0 : bytes[0];
        if (format != FORMAT_WITH_IDS && format != FORMAT_WITH_PROFILE) {
            final long deadline = in.getLong();
            return new TrackedAccount(rest(bytes, in, states, topic), deadline, RecentEventIds.empty(), null);
        }
        in.get();
        final long deadline = in.getLong();
        final RecentEventIds ids = RecentEventIds.read(in);
        if (format == FORMAT_WITH_IDS) {
            return new TrackedAccount(rest(bytes, in, states, topic), deadline, ids, null);
        }
        final ProfileFacts profile = readProfile(in);
        final AccountState state = in.get() == 0 ? null : rest(bytes, in, states, topic);
        return new TrackedAccount(state, deadline, ids, profile);
    }

    private static AccountState rest(final byte[] bytes, final ByteBuffer in, final Deserializer<AccountState> states,
                                     final String topic) {
        return states.deserialize(topic, Arrays.copyOfRange(bytes, in.position(), bytes.length));
    }

    private static int profileSize(final ProfileFacts profile, final byte[] segment, final byte[] owner) {
        if (profile == null) {
            return 1;
        }
        return 1 + Integer.BYTES + segment.length + Integer.BYTES + owner.length + 1
                + (profile.renewalAt() == null ? 0 : Long.BYTES);
    }

    private static void writeProfile(final ByteBuffer out, final ProfileFacts profile, final byte[] segment,
                                     final byte[] owner) {
        if (profile == null) {
            out.put((byte) 0);
            return;
        }
        out.put((byte) 1).putInt(segment.length).put(segment);
        out.putInt(profile.ownerId() == null ? NULL_LENGTH : owner.length).put(owner);
        out.put((byte) (profile.renewalAt() == null ? 0 : 1));
        if (profile.renewalAt() != null) {
            out.putLong(profile.renewalAt().toEpochMilli());
        }
    }

    private static ProfileFacts readProfile(final ByteBuffer in) {
        if (in.get() == 0) {
            return null;
        }
        final Segment segment = Segment.valueOf(readString(in));
        final String owner = readString(in);
        final Instant renewal = in.get() == 0 ? null : Instant.ofEpochMilli(in.getLong());
        return new ProfileFacts(segment, owner, renewal);
    }

    private static byte[] utf8(final String value) {
        return value == null ? EMPTY : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String readString(final ByteBuffer in) {
        final int length = in.getInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length + " out of range");
        }
        final String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
