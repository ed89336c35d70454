package io.churnwatch.signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A health score computed at one evaluation.
 *
 * @param score     0-100, the rounded sum of the components' points
 * @param band      band of the score
 * @param parts     the components that had data, with effective weights summing to 1
 * @param topDriver name of the component that cost the most points, null when none cost any
 */
record HealthSnapshot(int score, HealthBand band, List<Part> parts, String topDriver) {

    HealthSnapshot {
        parts = Collections.unmodifiableList(parts);
    }

    /**
     * One component with data.
     *
     * @param detail its detail line, formatted only when the component is emitted ({@link #components()})
     */
    record Part(String name, double score, double weight, double points, Supplier<String> detail) {
    }

    /** The components as a health update carries them, detail lines included. */
    List<HealthComponent> components() {
        final List<HealthComponent> components = new ArrayList<>(parts.size());
        for (final Part part : parts) {
            components.add(new HealthComponent(part.name(), part.score(), part.weight(), part.points(),
                    part.detail().get()));
        }
        return components;
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
