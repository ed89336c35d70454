package io.churnwatch.signals;

import java.io.IOException;
import java.util.Arrays;

/**
 * A fixed-size ring of one int per UTC epoch day, covering the {@code size} days up to and including
 * {@link #headDay()}: the bounded, windowed memory behind every "in the last N days" figure.
 *
 * <p>The ring rolls forward as the account's clock advances ({@link #rollTo}); days that fall out of it are
 * forgotten and days skipped over read as 0. Values are either summed ({@link #add}) or kept as a daily maximum
 * ({@link #raise}).
 *
 * <p>Encoded (format version 2) as size, head day and a count of tokens, then the tokens from the ring's first
 * day on: a non-zero value is one day, a 0 followed by n is a run of n empty days, and the days after the last
 * token are empty. A busy ring thus takes about a byte per day and a quiet one a few bytes whatever its size
 * (on generated accounts this is smaller than both writing every day and writing (offset, value) pairs of the
 * non-zero days), and equal rings encode to equal bytes. Version 1 wrote, after size and head day, the number
 * of empty days at the old end and every later value; {@link #read} still reads it.
 */
final class DailyCounts {

    static final int MAX_SIZE = 4096;

    private final int[] values;
    private long headDay;

    DailyCounts(final int size, final long headDay) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("ring size out of range: " + size);
        }
        this.values = new int[size];
        this.headDay = headDay;
    }

    int size() {
        return values.length;
    }

    long headDay() {
        return headDay;
    }

    /** First day the ring still remembers. */
    long firstDay() {
        return headDay - values.length + 1;
    }

    /** Moves the newest day forward to {@code day}, zeroing the days that enter the ring. */
    void rollTo(final long day) {
        if (day <= headDay) {
            return;
        }
        if (day - headDay >= values.length) {
            Arrays.fill(values, 0);
        } else {
            for (long d = headDay + 1; d <= day; d++) {
                values[index(d)] = 0;
            }
        }
        headDay = day;
    }

    /**
     * Adds {@code amount} to {@code day}, rolling forward if the day is newer than the head.
     *
     * @return false when the day is older than the ring remembers (nothing changed)
     */
    boolean add(final long day, final int amount) {
        rollTo(day);
        if (day < firstDay()) {
            return false;
        }
        final int i = index(day);
        values[i] = (int) Math.min(Integer.MAX_VALUE, (long) values[i] + amount);
        return true;
    }

    /** Keeps the larger of the stored value and {@code value} for {@code day}. */
    void raise(final long day, final int value) {
        rollTo(day);
        if (day >= firstDay()) {
            final int i = index(day);
            values[i] = Math.max(values[i], value);
        }
    }

    /** Sum over the days in [fromDay, toDayExclusive) that the ring still remembers. */
    long sum(final long fromDay, final long toDayExclusive) {
        final long from = Math.max(fromDay, firstDay());
        final int days = (int) Math.max(0, Math.min(toDayExclusive, headDay + 1) - from);
        if (days == 0) {
            return 0;
        }
        // the days are one run of slots, or two when they wrap around the end of the array
        final int start = index(from);
        final int tail = Math.min(days, values.length - start);
        long total = 0;
        for (int i = start; i < start + tail; i++) {
            total += values[i];
        }
        for (int i = 0; i < days - tail; i++) {
            total += values[i];
        }
        return total;
    }

    /** Largest value over the days in [fromDay, toDayExclusive), 0 if none. */
    int max(final long fromDay, final long toDayExclusive) {
        final long from = Math.max(fromDay, firstDay());
        final int days = (int) Math.max(0, Math.min(toDayExclusive, headDay + 1) - from);
        if (days == 0) {
            return 0;
        }
        final int start = index(from);
        final int tail = Math.min(days, values.length - start);
        int max = 0;
        for (int i = start; i < start + tail; i++) {
            max = Math.max(max, values[i]);
        }
        for (int i = 0; i < days - tail; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    boolean isEmpty() {
        for (final int value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    /** This ring if it already has {@code size} days, else a copy keeping the newest days that fit. */
    DailyCounts resized(final int size) {
        if (size == values.length) {
            return this;
        }
        final DailyCounts copy = new DailyCounts(size, headDay);
        for (long d = Math.max(firstDay(), copy.firstDay()); d <= headDay; d++) {
            copy.values[copy.index(d)] = values[index(d)];
        }
        return copy;
    }

    void write(final StateWriter out) {
        out.writeInt(values.length);
        out.writeLong(headDay);
        out.writeInt(tokens());
        // oldest first: the slots from the first day's to the array's end, then those from its start
        final int first = index(firstDay());
        writeTokens(out, 0, first, writeTokens(out, first, values.length, 0));
    }

    /**
     * Writes the tokens of the slots [from, to) following {@code zeros} empty days not yet written.
     *
     * @return the empty days at the end of the slots, not yet written
     */
    private int writeTokens(final StateWriter out, final int from, final int to, final int zeros) {
        int pending = zeros;
        for (int i = from; i < to; i++) {
            if (values[i] == 0) {
                pending++;
                continue;
            }
            if (pending > 0) {
                out.writeInt(0);
                out.writeInt(pending);
                pending = 0;
            }
            out.writeInt(values[i]);
        }
        return pending;
    }

    /** Number of tokens {@link #write} writes: one per non-zero day and one per run of empty days before one. */
    private int tokens() {
        final int first = index(firstDay());
        int tokens = 0;
        int previousEmpty = 0;
        // without branches: the slots' pattern of empty days is irregular and would defeat branch prediction
        for (int n = 0; n < values.length; n++) {
            final int i = n < values.length - first ? first + n : first + n - values.length;
            final int nonZero = (values[i] | -values[i]) >>> 31;
            tokens += nonZero + (nonZero & previousEmpty);
            previousEmpty = nonZero ^ 1;
        }
        return tokens;
    }

    static DailyCounts read(final StateReader in) throws IOException {
        final int size = in.readInt();
        final DailyCounts ring = new DailyCounts(size, in.readLong());
        final int count = in.readInt();
        if (count < 0 || count > size) {
            throw new IOException("day count out of range: " + count);
        }
        if (in.version() == 1) {
            // count is the number of empty days at the old end; every later day follows
            for (long d = ring.firstDay() + count; d <= ring.headDay; d++) {
                ring.values[ring.index(d)] = in.readInt();
            }
            return ring;
        }
        int remaining = size;
        for (int t = 0, i = ring.index(ring.firstDay()); t < count; t++) {
            final int value = in.readInt();
            final int days = value == 0 ? in.readInt() : 1;
            if (days < 1 || days > remaining) {
                throw new IOException("ring tokens beyond the head day");
            }
            ring.values[i] = value;
            remaining -= days;
            i = i + days < size ? i + days : i + days - size;
        }
        return ring;
    }

    private int index(final long day) {
        return (int) Math.floorMod(day, (long) values.length);
    }

    // Rings of the same size and head day map days to the same slots, so comparing the arrays compares the days.
    @Override
    public boolean equals(final Object o) {
        return o instanceof DailyCounts other && other.headDay == headDay && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(headDay) + Arrays.hashCode(values);
    }
}
