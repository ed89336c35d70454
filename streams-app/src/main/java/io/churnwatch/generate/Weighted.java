package io.churnwatch.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fixed set of values drawn with given relative weights.
 *
 * @param <T> type of the values
 */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    /** Adds {@code value} with relative weight {@code weight}; returns this for chaining. */
    Weighted<T> add(final T value, final double weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
        total += weight;
        values.add(value);
        cumulative.add(total);
        return this;
    }

    T pick(final RandomGenerator rng) {
        final double u = rng.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            if (u < cumulative.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
