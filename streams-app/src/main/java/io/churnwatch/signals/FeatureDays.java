package io.churnwatch.signals;

import java.io.IOException;
import java.util.Arrays;

/**
 * The last day each of a bounded set of features was used, kept sorted by name in two parallel arrays (a state
 * is decoded, evaluated and encoded again for every record and every daily deadline, so no map entries or boxed
 * days). When the set is full, the least recently used feature (ties: the smallest name) makes room.
 */
final class FeatureDays {

    private String[] names;
    private long[] days;
    private int size;

    FeatureDays(final int capacity) {
        this.names = new String[Math.max(1, capacity)];
        this.days = new long[names.length];
    }

    int size() {
        return size;
    }

    String name(final int i) {
        return names[i];
    }

    long day(final int i) {
        return days[i];
    }

    /** Records that {@code name} was used on {@code day}, keeping at most {@code cap} features. */
    void used(final String name, final long day, final int cap) {
        final int found = Arrays.binarySearch(names, 0, size, name);
        if (found >= 0) {
            days[found] = Math.max(days[found], day);
            return;
        }
        while (size >= cap) {
            remove(leastRecent());
        }
        insert(-Arrays.binarySearch(names, 0, size, name) - 1, name, day);
    }

    /** Adds a feature read from a stored state, whose names must come in ascending order. */
    void append(final String name, final long day) throws IOException {
        if (size > 0 && names[size - 1].compareTo(name) >= 0) {
            throw new IOException("features out of order: " + name);
        }
        insert(size, name, day);
    }

    /** Number of features used on or after {@code fromDay}. */
    int countSince(final long fromDay) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (days[i] >= fromDay) {
                count++;
            }
        }
        return count;
    }

    boolean anySince(final long fromDay) {
        for (int i = 0; i < size; i++) {
            if (days[i] >= fromDay) {
                return true;
            }
        }
        return false;
    }

    private int leastRecent() {
        int oldest = 0;
        for (int i = 1; i < size; i++) {
            if (days[i] < days[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    private void insert(final int at, final String name, final long day) {
        if (size == names.length) {
            names = Arrays.copyOf(names, 2 * size);
            days = Arrays.copyOf(days, 2 * size);
        }
        System.arraycopy(names, at, names, at + 1, size - at);
        System.arraycopy(days, at, days, at + 1, size - at);
        names[at] = name;
        days[at] = day;
        size++;
    }

    private void remove(final int at) {
        System.arraycopy(names, at + 1, names, at, size - at - 1);
        System.arraycopy(days, at + 1, days, at, size - at - 1);
        size--;
        names[size] = null;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof FeatureDays f && Arrays.equals(f.names, 0, f.size, names, 0, size)
                && Arrays.equals(f.days, 0, f.size, days, 0, size);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * (31 * h + names[i].hashCode()) + Long.hashCode(days[i]);
        }
        return h;
    }
}
