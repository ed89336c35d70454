package io.churnwatch.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The ids of one account's recent events, kept in its {@link TrackedAccount} so that recognising a duplicate
 * costs no store access of its own: the account's state is read for every event anyway.
 *
 * <p>An id is kept as a 64-bit hash of the {@code eventId} together with the event's time. With {@code n} ids
 * remembered, a new event is taken for a duplicate by a hash collision with probability about {@code n / 2^64}
 * (below 10^-16 for a thousand ids). The hash is part of the stored format: changing it would make every
 * remembered id unrecognisable after an upgrade.
 *
 * <p>At most {@link #MAX_IDS} ids are kept; beyond that the oldest are forgotten first, so an account with a
 * flood of events keeps a bounded state (a duplicate of a forgotten event counts again).
 *
 * <p>Not thread-safe: one instance per read of an account's state. Public as a part of {@link TrackedAccount}.
 */
public final class RecentEventIds {

    /** The most ids one account remembers. */
    static final int MAX_IDS = 1_000;
    private static final int INITIAL_CAPACITY = 8;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] hashes;
    private long[] times;
    private int size;

    private RecentEventIds(final long[] hashes, final long[] times, final int size) {
        this.hashes = hashes;
        this.times = times;
        this.size = size;
    }

    static RecentEventIds empty() {
        return new RecentEventIds(new long[INITIAL_CAPACITY], new long[INITIAL_CAPACITY], 0);
    }

    /**
     * The stored hash of an event id: FNV-1a over its UTF-16 code units, then SplitMix64's finaliser, which
     * spreads ids that differ in their last characters only (sequence numbers) over all 64 bits.
     */
    static long hash(final String eventId) {
        long h = FNV_OFFSET;
        for (int i = 0; i < eventId.length(); i++) {
            final char c = eventId.charAt(i);
            h = (h ^ (c & 0xff)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    int size() {
        return size;
    }

    /** Whether an id with this hash is remembered at an event time within {@code horizonMillis} of {@code time}. */
    boolean contains(final long hash, final long time, final long horizonMillis) {
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && Math.abs(times[i] - time) <= horizonMillis) {
                return true;
            }
        }
        return false;
    }

    /**
     * Remembers an id, first forgetting those with an event time before {@code forgetBefore}, then the oldest
     * beyond {@link #MAX_IDS}. An id that is itself before {@code forgetBefore} is not remembered.
     */
    void remember(final long hash, final long time, final long forgetBefore) {
        forgetBefore(forgetBefore);
        if (time < forgetBefore) {
            return;
        }
        if (size == MAX_IDS) {
            forgetOldest();
        }
        if (size == hashes.length) {
            final int capacity = Math.min(MAX_IDS, 2 * hashes.length);
            hashes = Arrays.copyOf(hashes, capacity);
            times = Arrays.copyOf(times, capacity);
        }
        hashes[size] = hash;
        times[size] = time;
        size++;
    }

    private void forgetBefore(final long cutoff) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] >= cutoff) {
                hashes[kept] = hashes[i];
                times[kept] = times[i];
                kept++;
            }
        }
        size = kept;
    }

    private void forgetOldest() {
        int oldest = 0;
        for (int i = 1; i < size; i++) {
            if (times[i] < times[oldest]) {
                oldest = i;
            }
        }
        System.arraycopy(hashes, oldest + 1, hashes, oldest, size - oldest - 1);
        System.arraycopy(times, oldest + 1, times, oldest, size - oldest - 1);
        size--;
    }

    /** Equal when the same ids are remembered at the same times, in the same order. */
    @Override
    public boolean equals(final Object o) {
        return o instanceof RecentEventIds other && size == other.size
                && Arrays.equals(hashes, 0, size, other.hashes, 0, size)
                && Arrays.equals(times, 0, size, other.times, 0, size);
    }

    @Override
    public int hashCode() {
        int result = size;
        for (int i = 0; i < size; i++) {
            result = 31 * result + Long.hashCode(hashes[i] ^ times[i]);
        }
        return result;
    }

    /** The bytes {@link #write} takes. */
    int encodedSize() {
        return Integer.BYTES + size * 2 * Long.BYTES;
    }

    /**
     * Format: the count as a 4-byte int, then per id, in the order remembered, its 8-byte hash and its 8-byte
     * event time (epoch milliseconds): fixed widths, which are the cheapest to write and read on every event.
     */
    void write(final ByteBuffer out) {
        out.putInt(size);
        for (int i = 0; i < size; i++) {
            out.putLong(hashes[i]).putLong(times[i]);
        }
    }

    static RecentEventIds read(final ByteBuffer in) {
        final int size = in.getInt();
        if (size < 0 || size > MAX_IDS) {
            throw new IllegalArgumentException("recent event ids: count " + size + " outside 0.." + MAX_IDS);
        }
        final int capacity = Math.max(INITIAL_CAPACITY, size);
        final long[] hashes = new long[capacity];
        final long[] times = new long[capacity];
        for (int i = 0; i < size; i++) {
            hashes[i] = in.getLong();
            times[i] = in.getLong();
        }
        return new RecentEventIds(hashes, times, size);
    }
}
