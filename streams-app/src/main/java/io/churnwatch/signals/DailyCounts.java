package io.churnwatch.signals;

import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * A fixed-size ring of one int per UTC epoch day, covering the {@code size} days up to and including
 * {@link #headDay()}: the bounded, windowed memory behind every "in the last N days" figure.
 *
 * <p>The ring rolls forward as the account's clock advances ({@link #rollTo}); days that fall out of it are
 * forgotten and days skipped over read as 0. Values are either summed ({@link #add}) or kept as a daily maximum
 * ({@link #raise}). Encoded as size, head day, the number of empty days at the old end and the remaining values
 * from the oldest day to the newest, so two rings holding the same days encode to the same bytes whatever their
 * internal rotation.
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
            values[index(day)] = Math.max(values[index(day)], value);
        }
    }

    /** Sum over the days in [fromDay, toDayExclusive) that the ring still remembers. */
    long sum(final long fromDay, final long toDayExclusive) {
        long total = 0;
        for (long d = Math.max(fromDay, firstDay()); d < Math.min(toDayExclusive, headDay + 1); d++) {
            total += values[index(d)];
        }
        return total;
    }

    /** Largest value over the days in [fromDay, toDayExclusive), 0 if none. */
    int max(final long fromDay, final long toDayExclusive) {
        int max = 0;
        for (long d = Math.max(fromDay, firstDay()); d < Math.min(toDayExclusive, headDay + 1); d++) {
            max = Math.max(max, values[index(d)]);
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

    void write(final Encoder out) throws IOException {
        out.writeInt(values.length);
        out.writeLong(headDay);
        long first = firstDay();
        while (first <= headDay && values[index(first)] == 0) {
            first++;
        }
        // most rings are mostly empty at the old end: the leading empty days are written as one count
        out.writeInt((int) (first - firstDay()));
        for (long d = first; d <= headDay; d++) {
            out.writeInt(values[index(d)]);
        }
    }

    static DailyCounts read(final Decoder in) throws IOException {
        final int size = in.readInt();
        final DailyCounts ring = new DailyCounts(size, in.readLong());
        final int empty = in.readInt();
        if (empty < 0 || empty > size) {
            throw new IOException("empty-day count out of range: " + empty);
        }
        for (long d = ring.firstDay() + empty; d <= ring.headDay; d++) {
            ring.values[ring.index(d)] = in.readInt();
        }
        return ring;
    }

    private int index(final long day) {
        return (int) Math.floorMod(day, (long) values.length);
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof DailyCounts other) || other.values.length != values.length || other.headDay != headDay) {
            return false;
        }
        for (long d = firstDay(); d <= headDay; d++) {
            if (values[index(d)] != other.values[other.index(d)]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(headDay);
        for (long d = firstDay(); d <= headDay; d++) {
            h = 31 * h + values[index(d)];
        }
        return h;
    }
}
