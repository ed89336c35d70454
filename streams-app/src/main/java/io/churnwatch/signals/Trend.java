package io.churnwatch.signals;

/**
 * A recent window against a baseline window (the {@code baselineDays} days before it) of a
 * {@link DailyCounts} ring, both also expressed per week.
 *
 * <p>{@link #of} uses whole days: the recent window is the {@code recentDays} days ending today. {@link #sliding}
 * makes the windows slide with the clock: the recent window is the last {@code recentDays} x 24 hours, the
 * days at the windows' edges counted pro rata (events assumed spread evenly over a day). Without it, every
 * midnight would drop a full day from the recent window and add an empty one, and a steady account's rate
 * would dip each night and recover with its first event of the day.
 *
 * @param recent        sum over the recent window
 * @param baseline      sum over the baseline window
 * @param recentDays    length of the recent window
 * @param fromDay       first day of the baseline window
 * @param splitDay      first day of the recent window
 * @param toDay         day after the recent window (today + 1)
 * @param slidingAt     the time the windows end at when they slide, {@link Days#NONE} for whole days
 */
record Trend(double recent, double baseline, int recentDays, long fromDay, long splitDay, long toDay,
             long slidingAt) {

    static Trend of(final DailyCounts ring, final long today, final int recentDays, final int baselineDays) {
        final long toDay = today + 1;
        final long splitDay = toDay - recentDays;
        final long fromDay = splitDay - baselineDays;
        return new Trend(ring.sum(splitDay, toDay), ring.sum(fromDay, splitDay), recentDays, fromDay, splitDay,
                toDay, Days.NONE);
    }

    /** The windows as of {@code now}, sliding with the clock; the ring must hold one day more than both. */
    static Trend sliding(final DailyCounts ring, final long now, final int recentDays, final int baselineDays) {
        final long today = Days.of(now);
        final double elapsed = (double) (now - Days.start(today)) / Days.MILLIS;
        final long toDay = today + 1;
        final long splitDay = toDay - recentDays;
        final long fromDay = splitDay - baselineDays;
        final double edge = ring.sum(splitDay - 1, splitDay);
        final double oldest = ring.sum(fromDay - 1, fromDay);
        final double recent = ring.sum(splitDay, toDay) + edge * (1 - elapsed);
        final double baseline = ring.sum(fromDay, splitDay - 1) + edge * elapsed + oldest * (1 - elapsed);
        return new Trend(recent, baseline, recentDays, fromDay, splitDay, toDay, now);
    }

    double recentPerWeek() {
        return recent * 7.0 / recentDays;
    }

    double baselinePerWeek() {
        return baseline * 7.0 / (splitDay - fromDay);
    }

    /** Recent rate over baseline rate; infinite for activity without a baseline, 0 when both are empty. */
    double ratio() {
        if (baseline == 0) {
            return recent > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return recentPerWeek() / baselinePerWeek();
    }

    /** Adds the figures of this trend to evidence, each key starting with {@code prefix}. */
    Explanation.Builder describe(final Explanation.Builder into, final String prefix) {
        final Explanation.Builder figures = into.put(prefix + "RecentCount", recent)
                .put(prefix + "RecentPerWeek", recentPerWeek())
                .put(prefix + "BaselinePerWeek", baselinePerWeek())
                .put(prefix + "Ratio", ratio());
        if (slidingAt != Days.NONE) {
            final long split = slidingAt - recentDays * Days.MILLIS;
            return figures.time("recentFrom", split).time("recentTo", slidingAt)
                    .time("baselineFrom", split - (splitDay - fromDay) * Days.MILLIS).time("baselineTo", split);
        }
        return figures.day("recentFrom", splitDay)
                .day("recentTo", toDay - 1)
                .day("baselineFrom", fromDay)
                .day("baselineTo", splitDay - 1);
    }
}
