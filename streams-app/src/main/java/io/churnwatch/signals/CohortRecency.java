package io.churnwatch.signals;

import java.io.IOException;
import java.util.Arrays;

/**
 * One cohort's members counted by the day of their last usage, and, frozen day by day, their mean days since
 * last usage: how long the accounts of the cohort have typically been quiet on a given day. A course break or a
 * public holiday raises it for everybody, so an account judged against it is not called silent for being as
 * quiet as everyone else.
 *
 * <p>Members silent for {@code capDays} or longer count {@code capDays}, so long-dormant accounts weigh in
 * without dominating, and the counts fit a ring of {@code capDays} days plus one counter. A day's mean is frozen
 * the first time the cohort is touched (a member added, moved or removed, or the mean read) at event time
 * {@code graceDays} after that day ended, from the counts as they are then: records within the grace period of
 * a day are in it, and a frozen mean never changes, so every evaluation that reads it gets the same figure
 * whenever it runs. Members whose last usage is after the frozen day count 0 days for it. The last
 * {@value #FROZEN_DAYS} frozen days are kept.
 *
 * <p>Mutable and not thread-safe: one instance per cohort and stream task. Encoded with {@link #write}.
 */
final class CohortRecency {

    static final int FROZEN_DAYS = 16;

    private final int capDays;
    private final long[] byDay;
    /** Newest day of the ring, {@link Days#NONE} while no member was ever counted. */
    private long head = Days.NONE;
    /** Members whose last usage day is at or before {@code head - capDays}. */
    private long capped;
    private long members;
    private long frozenThrough = Days.NONE;
    private final double[] frozenMean = new double[FROZEN_DAYS];
    private final long[] frozenMembers = new long[FROZEN_DAYS];

    CohortRecency(final int capDays) {
        this.capDays = capDays;
        this.byDay = new long[capDays];
    }

    /** A frozen day of the cohort: its members and their mean days since last usage. */
    record Day(long members, double meanDaysSilent) {
    }

    long members() {
        return members;
    }

    /** Counts a member whose last usage was on {@code day}. */
    void add(final long day) {
        members++;
        place(day, 1);
    }

    /** Stops counting a member whose last usage was on {@code day}. */
    void remove(final long day) {
        members--;
        place(day, -1);
    }

    /**
     * Freezes every day up to {@code opDay - 1 - graceDays} not frozen yet: call it with the event day of
     * every operation before the operation itself.
     *
     * @return true when a day was frozen (the cohort changed)
     */
    boolean touch(final long opDay, final int graceDays) {
        final long through = opDay - 1 - graceDays;
        if (head == Days.NONE || frozenThrough != Days.NONE && through <= frozenThrough) {
            return false;
        }
        final long from = frozenThrough == Days.NONE ? through : Math.max(frozenThrough + 1, through - FROZEN_DAYS + 1);
        for (long day = from; day <= through; day++) {
            final int slot = (int) Math.floorMod(day, (long) FROZEN_DAYS);
            frozenMembers[slot] = members;
            frozenMean[slot] = members == 0 ? 0 : (double) silentDaysSum(day) / members;
        }
        frozenThrough = through;
        return true;
    }

    /** The frozen figures of {@code day}, or null when it is not frozen yet or no longer kept. */
    Day frozen(final long day) {
        if (frozenThrough == Days.NONE || day > frozenThrough || day <= frozenThrough - FROZEN_DAYS) {
            return null;
        }
        final int slot = (int) Math.floorMod(day, (long) FROZEN_DAYS);
        return new Day(frozenMembers[slot], frozenMean[slot]);
    }

    private long silentDaysSum(final long day) {
        long sum = capped * capDays;
        for (long d = head - capDays + 1; d <= Math.min(head, day); d++) {
            sum += byDay[slot(d)] * Math.min(capDays, day - d);
        }
        return sum;
    }

    private void place(final long day, final long delta) {
        if (head == Days.NONE) {
            head = day;
        } else if (day > head) {
            rollTo(day);
        }
        if (day <= head - capDays) {
            capped += delta;
        } else {
            byDay[slot(day)] += delta;
        }
    }

    /** Moves the head to {@code day}: the days that leave the ring fold into {@link #capped}. */
    private void rollTo(final long day) {
        final long leaving = Math.min(day - head, capDays);
        for (long d = head - capDays + 1; d < head - capDays + 1 + leaving; d++) {
            capped += byDay[slot(d)];
            byDay[slot(d)] = 0;
        }
        head = day;
    }

    private int slot(final long day) {
        return (int) Math.floorMod(day, (long) capDays);
    }

    void write(final StateWriter out) {
        out.writeInt(capDays);
        out.writeLong(head);
        out.writeLong(capped);
        out.writeLong(members);
        if (head != Days.NONE) {
            for (long d = head - capDays + 1; d <= head; d++) {
                out.writeLong(byDay[slot(d)]);
            }
        }
        out.writeLong(frozenThrough);
        if (frozenThrough != Days.NONE) {
            for (long d = frozenThrough - FROZEN_DAYS + 1; d <= frozenThrough; d++) {
                final int slot = (int) Math.floorMod(d, (long) FROZEN_DAYS);
                out.writeLong(frozenMembers[slot]);
                out.writeLong(Double.doubleToRawLongBits(frozenMean[slot]));
            }
        }
    }

    /** Reads a cohort written with {@link #write}; counts kept under another cap are re-counted under {@code capDays}. */
    static CohortRecency read(final StateReader in, final int capDays) throws IOException {
        final int writtenCap = in.readInt();
        if (writtenCap < 1 || writtenCap > 100_000) {
            throw new IOException("cohort cap out of range: " + writtenCap);
        }
        final CohortRecency written = new CohortRecency(writtenCap);
        written.head = in.readLong();
        written.capped = in.readLong();
        written.members = in.readLong();
        if (written.head != Days.NONE) {
            for (long d = written.head - writtenCap + 1; d <= written.head; d++) {
                written.byDay[written.slot(d)] = in.readLong();
            }
        }
        written.frozenThrough = in.readLong();
        if (written.frozenThrough != Days.NONE) {
            for (long d = written.frozenThrough - FROZEN_DAYS + 1; d <= written.frozenThrough; d++) {
                final int slot = (int) Math.floorMod(d, (long) FROZEN_DAYS);
                written.frozenMembers[slot] = in.readLong();
                written.frozenMean[slot] = Double.longBitsToDouble(in.readLong());
            }
        }
        return writtenCap == capDays ? written : written.recounted(capDays);
    }

    /** The same members under another cap (frozen means, computed under the old cap, are dropped). */
    private CohortRecency recounted(final int newCap) {
        final CohortRecency copy = new CohortRecency(newCap);
        if (head == Days.NONE) {
            return copy;
        }
        copy.head = head;
        copy.members = members;
        copy.capped = capped;
        for (long d = head - capDays + 1; d <= head; d++) {
            copy.place(d, byDay[slot(d)]);
        }
        return copy;
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof CohortRecency c) || c.capDays != capDays || c.head != head || c.capped != capped
                || c.members != members || c.frozenThrough != frozenThrough) {
            return false;
        }
        if (head != Days.NONE) {
            for (long d = head - capDays + 1; d <= head; d++) {
                if (byDay[slot(d)] != c.byDay[slot(d)]) {
                    return false;
                }
            }
        }
        return frozenThrough == Days.NONE || Arrays.equals(frozenMean, c.frozenMean)
                && Arrays.equals(frozenMembers, c.frozenMembers);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(head) * 31 + Long.hashCode(members);
    }
}
