package io.churnwatch.backtest;

import java.util.List;

/**
 * How long before cancelling the churners alerted before they cancelled were first alerted, in days.
 *
 * @param days sorted, one per such churner
 */
public record LeadTimes(List<Double> days, double q1, double median, double q3) {

    public static LeadTimes of(final List<Double> days) {
        final List<Double> sorted = days.stream().sorted().toList();
        return new LeadTimes(sorted, quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    /** The q-quantile with linear interpolation between closest ranks; NaN for no values. */
    static double quantile(final List<Double> sorted, final double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        final double rank = q * (sorted.size() - 1);
        final int below = (int) Math.floor(rank);
        final int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }
}
