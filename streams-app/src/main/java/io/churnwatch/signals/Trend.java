package io.churnwatch.signals;

/**
 * A recent window (the {@code recentDays} days ending today) against a baseline window (the
 * {@code baselineDays} days before it) of a {@link DailyCounts} ring, both also expressed per week.
 *
 * @param recent        sum over the recent window
 * @param baseline      sum over the baseline window
 * @param recentDays    length of the recent window
 * @param fromDay       first day of the baseline window
 * @param splitDay      first day of the recent window
 * @param toDay         day after the recent window (today + 1)
 */
record Trend(long recent, long baseline, int recentDays, long fromDay, long splitDay, long toDay) {

    static Trend of(final DailyCounts ring, final long today, final int recentDays, final int baselineDays) {
        final long toDay = today + 1;
        final long splitDay = toDay - recentDays;
        final long fromDay = splitDay - baselineDays;
        return new Trend(ring.sum(splitDay, toDay), ring.sum(fromDay, splitDay), recentDays, fromDay, splitDay,
                toDay);
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
        return into.put(prefix + "RecentCount", recent)
                .put(prefix + "RecentPerWeek", recentPerWeek())
                .put(prefix + "BaselinePerWeek", baselinePerWeek())
                .put(prefix + "Ratio", ratio())
                .day("recentFrom", splitDay)
                .day("recentTo", toDay - 1)
                .day("baselineFrom", fromDay)
                .day("baselineTo", splitDay - 1);
    }
}
