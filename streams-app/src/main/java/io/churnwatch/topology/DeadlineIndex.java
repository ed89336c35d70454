package io.churnwatch.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Accounts ordered by the event time at which they must be looked at again, even if they send nothing.
 *
 * <p>Keys are the deadline as an 8-byte big-endian long followed by the UTF-8 account id, so the store's
 * byte order is deadline order and "who is due by T" is one range scan that touches only due accounts:
 * a sweep costs O(expiring), not O(accounts tracked). Each account has at most one entry.
 *
 * <p>A sweep deletes the entries it processed, and RocksDB keeps deleted keys as tombstones until compaction:
 * a scan from the very start of the key space would step over every deadline ever swept, and a sweep loading
 * its due accounts batch by batch would step over those of its own earlier batches again. Scans start instead
 * at a low watermark, a key no entry sorts before: the last key a scan returned (the caller removes the entries
 * it was given before asking again), or the first entry after the due ones when a scan ran out of due entries
 * (past every entry when there is none), lowered again when an entry is added below it (an out-of-order event).
 * No entry is due before the watermark's deadline, so asking before it reads nothing: sweeps run at every
 * {@code deadline.sweep.interval.ms} of stream time, which in a backfill is nearly every record, and most find
 * no one due.
 */
final class DeadlineIndex {

    private static final byte[] EMPTY = new byte[0];
    /** Sorts after every entry: the watermark when a scan found no entry left. */
    private static final Bytes PAST_EVERY_ENTRY = key(Long.MAX_VALUE, "");

    /** An account due at a deadline. */
    record Due(long deadline, String accountId) {
    }

    private final KeyValueStore<Bytes, byte[]> store;
    /** No entry sorts before this key; deadline 0 until the first scan, as the store may hold restored entries. */
    private Bytes lowWatermark = key(0, "");

    DeadlineIndex(final KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    void add(final long deadline, final String accountId) {
        final Bytes key = key(deadline, accountId);
        store.put(key, EMPTY);
        if (key.compareTo(lowWatermark) < 0) {
            lowWatermark = key;
        }
    }

    void remove(final long deadline, final String accountId) {
        // A null put deletes without reading the old value first, as delete() does (a store lookup per removal).
        store.put(key(deadline, accountId), null);
    }

    /**
     * Up to {@code limit} accounts whose deadline is at or before {@code time}, earliest first. The caller
     * removes (or moves) each of them before asking again.
     */
    List<Due> due(final long time, final int limit) {
        if (deadline(lowWatermark) > time) {
            return List.of();
        }
        final List<Due> due = new ArrayList<>();
        Bytes next = PAST_EVERY_ENTRY;
        // Unbounded above: the first entry after the due ones becomes the watermark, the time the next one is due.
        try (KeyValueIterator<Bytes, byte[]> it = store.range(lowWatermark, null)) {
            Bytes last = null;
            while (it.hasNext()) {
                final Bytes key = it.next().key;
                final ByteBuffer buffer = ByteBuffer.wrap(key.get());
                final long deadline = buffer.getLong();
                if (deadline > time) {
                    next = key;
                    break;
                }
                if (due.size() == limit) {
                    next = last;
                    break;
                }
                due.add(new Due(deadline, StandardCharsets.UTF_8.decode(buffer).toString()));
                last = key;
            }
        }
        lowWatermark = next;
        return due;
    }

    private static long deadline(final Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong();
    }

    private static Bytes key(final long deadline, final String accountId) {
        final byte[] id = accountId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(deadline).put(id).array());
    }
}
