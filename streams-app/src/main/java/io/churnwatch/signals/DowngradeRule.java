package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * DOWNGRADE: a DOWNGRADED billing event, with the MRR lost by it in the evidence. Resolves
 * {@code downgrade.resolve.days} after the downgrade or on a later UPGRADED. Severity MEDIUM, HIGH when the
 * downgrade cost at least half of the previous MRR.
 */
final class DowngradeRule implements SignalRule {

    private final SignalsConfig config;

    DowngradeRule(final SignalsConfig config) {
        this.config = config;
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.DOWNGRADE;
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        final BillingFacts billing = ev.state().billing();
        final long before = billing.mrrBeforeDowngrade();
        final boolean halved = before > 0 && 2 * (before - billing.mrrAfterDowngrade()) >= before;
        return Verdict.when(billing.downgradeActive(ev.now(), config.downgradeResolveDays()),
                Severities.forAccount(halved ? Severity.HIGH : Severity.MEDIUM, ev, config.severityHighMrrCents()));
    }

    @Override
    public long nextChange(final Evaluation ev) {
        final BillingFacts billing = ev.state().billing();
        return billing.downgradeActive(ev.now(), config.downgradeResolveDays())
                ? billing.downgradeEnds(config.downgradeResolveDays()) : Days.NONE;
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final BillingFacts billing = ev.state().billing();
        final long before = billing.mrrBeforeDowngrade();
        final long after = billing.mrrAfterDowngrade();
        final String lost = before < 0 ? "unknown" : Long.toString(Math.max(0, before - after));
        final String on = Days.iso(Days.of(billing.lastDowngradeAt()));
        final String previous = before < 0 ? "unknown" : Long.toString(before);
        final String summary = status == AlertStatus.RESOLVED
                ? "Downgrade of " + on + " is no longer recent or was reversed"
                : String.format(Locale.ROOT, "Downgraded on %s: MRR %s -> %d cents (lost %s)", on, previous, after,
                        lost);
        return Explanation.builder().time("downgradedAt", billing.lastDowngradeAt())
                .put("previousMrrCents", previous)
                .put("newMrrCents", after).put("lostMrrCents", lost).summary(summary);
    }
}
