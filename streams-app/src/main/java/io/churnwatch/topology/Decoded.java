package io.churnwatch.topology;

import java.util.Objects;

/**
 * An input record's value as it came off the wire: either decoded, or rejected with a reason.
 *
 * <p>Decoding never throws inside the topology: a record that cannot be decoded or validated is carried
 * as a rejection so that the dead-letter branch can publish its original bytes with the reason and source
 * coordinates, and processing of the partition continues.
 *
 * @param value the decoded value, or {@code null} when rejected or a tombstone
 * @param raw the value's bytes exactly as read from the topic ({@code null} for a tombstone)
 * @param rejection machine-friendly reason ({@code null} when the record is fine)
 * @param detail human-readable explanation of the rejection ({@code null} when fine)
 */
public record Decoded<V>(V value, byte[] raw, String rejection, String detail) {

    public static <V> Decoded<V> ok(final V value, final byte[] raw) {
        return new Decoded<>(value, raw, null, null);
    }

    public static <V> Decoded<V> rejected(final byte[] raw, final String reason, final String detail) {
        return new Decoded<>(null, raw, Objects.requireNonNull(reason, "reason"), detail);
    }

    /** The same bytes, now rejected by validation. */
    public Decoded<V> reject(final String reason, final String why) {
        return rejected(raw, reason, why);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
