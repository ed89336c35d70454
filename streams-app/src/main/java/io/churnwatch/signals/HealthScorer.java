package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines the {@link HealthComponents} into a 0-100 health score: each component with data gets its configured
 * weight divided by the sum of the weights of the components with data (so the weight of a component without
 * data is redistributed, not counted as 0); points = score x effective weight; the health score is the rounded
 * sum of the points. The top driver is the component with the largest weight x (100 - score).
 */
final class HealthScorer {

    private final SignalsConfig config;
    private final HealthComponents components;

    HealthScorer(final SignalsConfig config) {
        this.config = config;
        this.components = new HealthComponents(config);
    }

    /**
     * The account's score at {@code now}, or null when no component with a positive weight has data.
     *
     * @param trends the account's windows at {@code now}
     */
    HealthSnapshot score(final AccountState state, final long now, final Segment segment, final Trends trends) {
        final HealthComponents.Raw[] raw = components.score(state, now, segment, trends);
        double totalWeight = 0;
        for (int i = 0; i < raw.length; i++) {
            totalWeight += raw[i] == null ? 0 : config.weight(i);
        }
        if (totalWeight <= 0) {
            return null;
        }
        final List<HealthSnapshot.Part> parts = new ArrayList<>(raw.length);
        double sum = 0;
        String topDriver = null;
        double topCost = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) {
                continue;
            }
            final double weight = config.weight(i) / totalWeight;
            final double points = raw[i].score() * weight;
            sum += points;
            final double cost = weight * (100 - raw[i].score());
            if (cost > topCost) {
                topCost = cost;
                topDriver = SignalsConfig.COMPONENTS[i];
            }
            parts.add(new HealthSnapshot.Part(SignalsConfig.COMPONENTS[i], raw[i].score(), weight, points,
                    raw[i].detail()));
        }
        final int score = (int) Math.max(0, Math.min(100, Math.round(sum)));
        return new HealthSnapshot(score, HealthSnapshot.bandOf(score), parts, topDriver);
    }

    static HealthScoreUpdate toUpdate(final String accountId, final HealthSnapshot health, final Integer previous,
                                      final long asOf, final String scoringVersion) {
        return HealthScoreUpdate.newBuilder()
                .setAccountId(accountId)
                .setScore(health.score())
                .setPreviousScore(previous)
                .setBand(health.band())
                .setComponents(health.components())
                .setTopDriver(health.topDriver())
                .setAsOf(Instant.ofEpochMilli(asOf))
                .setScoringVersion(scoringVersion)
                .build();
    }
}
