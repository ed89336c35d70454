package io.churnwatch.signals;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * UTC epoch-day arithmetic on event-time millis, and the "none" marker of optional timestamps with their compact
 * encoding (a presence flag, then the millis as a varint).
 */
final class Days {

    static final long MILLIS = 86_400_000L;
    /** Marks a timestamp that has never been seen; smaller than every real event time. */
    static final long NONE = Long.MIN_VALUE;

    private Days() {
    }

    static long of(final long millis) {
        return Math.floorDiv(millis, MILLIS);
    }

    static long start(final long day) {
        return day * MILLIS;
    }

    static long plus(final long millis, final int days) {
        return millis + days * MILLIS;
    }

    static String iso(final long day) {
        return LocalDate.ofEpochDay(day).toString();
    }

    static String instant(final long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    static void writeTime(final StateWriter out, final long millis) {
        out.writeBoolean(millis != NONE);
        if (millis != NONE) {
            out.writeLong(millis);
        }
    }

    static long readTime(final StateReader in) throws IOException {
        return in.readBoolean() ? in.readLong() : NONE;
    }
}
