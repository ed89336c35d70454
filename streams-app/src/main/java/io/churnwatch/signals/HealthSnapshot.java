package io.churnwatch.signals;

import java.util.List;

/**
 * A health score computed at one evaluation.
 *
 * @param score      0-100, the rounded sum of the components' points
 * @param band       band of the score
 * @param components the components that had data, with effective weights summing to 1
 * @param topDriver  name of the component that cost the most points, null when none cost any
 */
record HealthSnapshot(int score, HealthBand band, List<HealthComponent> components, String topDriver) {

    HealthSnapshot {
        components = List.copyOf(components);
    }

    /** HEALTHY >= 70, NEUTRAL 50-69, AT_RISK 30-49, CRITICAL below 30 (as documented in HealthBand.avsc). */
    static HealthBand bandOf(final int score) {
        if (score >= 70) {
            return HealthBand.HEALTHY;
        }
        if (score >= 50) {
            return HealthBand.NEUTRAL;
        }
        return score >= 30 ? HealthBand.AT_RISK : HealthBand.CRITICAL;
    }
}
