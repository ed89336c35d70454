package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * HEALTH_DROP: the health score fell at least {@code health.drop.points} below its highest value of the last
 * {@code health.drop.days} days to below {@code health.drop.alert.below} (a drop that leaves an account HEALTHY
 * is the normal week-to-week swing of a small account, not a reason to call), or is in the AT_RISK or
 * CRITICAL band. Resolves once the score is NEUTRAL or
 * better and less than half the drop threshold below that high. Severity MEDIUM, HIGH in the CRITICAL band or
 * at twice the drop threshold.
 */
final class HealthDropRule implements SignalRule {

    private final SignalsConfig config;

    HealthDropRule(final SignalsConfig config) {
        this.config = config;
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.HEALTH_DROP;
    }

    private int drop(final Evaluation ev) {
        return Math.max(0, ev.state().maxRecentScore(config.healthDropDays()) - ev.health().score());
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        if (ev.health() == null) {
            return Verdict.INACTIVE;
        }
        final int drop = drop(ev);
        final HealthBand band = ev.health().band();
        final boolean atRisk = band == HealthBand.AT_RISK || band == HealthBand.CRITICAL;
        final int points = config.healthDropPoints();
        final boolean active = atRisk || (currentlyOpen ? 2 * drop >= points
                : drop >= points && ev.health().score() < config.healthDropAlertBelow());
        final Severity base = band == HealthBand.CRITICAL || drop >= 2 * points ? Severity.HIGH : Severity.MEDIUM;
        return Verdict.when(active, Severities.forAccount(base, ev, config.severityHighMrrCents()));
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final HealthSnapshot health = ev.health();
        final int high = ev.state().maxRecentScore(config.healthDropDays());
        final String driver = health.topDriver() == null ? "none" : health.topDriver();
        final String summary = String.format(Locale.ROOT, "Health %s %d (%s), %d below its %d-day high of %d; "
                        + "top driver %s", status == AlertStatus.RESOLVED ? "recovered to" : "fell to",
                health.score(), health.band(), drop(ev), config.healthDropDays(), high, driver);
        return Explanation.builder().put("score", health.score()).put("band", health.band().name())
                .put("recentHigh", high).put("drop", drop(ev)).put("topDriver", driver).summary(summary);
    }
}
