package io.churnwatch.backtest;

import java.time.Instant;
import java.util.Arrays;

/**
 * One health update: the account's score (0-100, higher is healthier) as of {@code asOf}, and the raw 0-100
 * score of each health component it was computed from, in {@code SignalsConfig.COMPONENTS} order, NaN for a
 * component without data (empty when not known): what {@link WeightFit} re-scores under other weights.
 */
public record HealthPoint(Instant asOf, int score, double[] components) {

    private static final double[] UNKNOWN = new double[0];

    public HealthPoint {
        components = components.clone();
    }

    /** A point whose components are not known. */
    public HealthPoint(final Instant asOf, final int score) {
        this(asOf, score, UNKNOWN);
    }

    /** The raw score of the component at {@code index}, NaN when it had no data or is not known. */
    double component(final int index) {
        return index < components.length ? components[index] : Double.NaN;
    }

    @Override
    public double[] components() {
        return components.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof HealthPoint p && p.asOf.equals(asOf) && p.score == score
                && Arrays.equals(p.components, components);
    }

    @Override
    public int hashCode() {
        return asOf.hashCode() * 31 + score;
    }

    @Override
    public String toString() {
        return "HealthPoint[asOf=" + asOf + ", score=" + score + ", components=" + Arrays.toString(components) + "]";
    }
}
