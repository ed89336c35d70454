package io.churnwatch.bench;

import java.util.Collection;
import java.util.List;

/**
 * Median and range of a figure measured in several rounds. With an even number of rounds the median is the mean
 * of the two middle values.
 */
record Spread(double median, double min, double max, int count) {

    static Spread of(final Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        final List<Double> sorted = values.stream().sorted().toList();
        final int n = sorted.size();
        final double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** Half the range relative to the median, in percent: the noise between rounds. */
    double halfRangePercent() {
        return median == 0 ? 0 : (max - min) / 2 / median * 100;
    }
}
