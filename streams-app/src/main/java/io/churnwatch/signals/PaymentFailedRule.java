package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * PAYMENT_FAILED: a PAYMENT_FAILED with no later PAYMENT_SUCCEEDED for {@code payment.failure.grace.days}.
 * Opens through the deadline at first unpaid failure + grace (a repeated failure does not restart the grace);
 * resolves on a later PAYMENT_SUCCEEDED. Severity HIGH.
 */
final class PaymentFailedRule implements SignalRule {

    private final SignalsConfig config;

    PaymentFailedRule(final SignalsConfig config) {
        this.config = config;
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.PAYMENT_FAILED;
    }

    private long graceEnds(final Evaluation ev) {
        final long unpaidSince = ev.state().billing().unpaidSince();
        return unpaidSince == Days.NONE ? Days.NONE : Days.plus(unpaidSince, config.paymentGraceDays());
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        final long graceEnds = graceEnds(ev);
        return Verdict.when(graceEnds != Days.NONE && ev.now() >= graceEnds,
                Severities.forAccount(Severity.HIGH, ev, config.severityHighMrrCents()));
    }

    @Override
    public long nextChange(final Evaluation ev) {
        return graceEnds(ev);
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final BillingFacts billing = ev.state().billing();
        final long failedAt = status == AlertStatus.RESOLVED ? billing.lastPaymentFailedAt() : billing.unpaidSince();
        final String summary = status == AlertStatus.RESOLVED
                ? "Payment succeeded after the failure on " + Days.iso(Days.of(failedAt))
                : String.format(Locale.ROOT, "Payment failed on %s and was not recovered within %d days",
                        Days.iso(Days.of(failedAt)), config.paymentGraceDays());
        return Explanation.builder().time("paymentFailedAt", failedAt)
                .time("lastPaymentFailedAt", billing.lastPaymentFailedAt())
                .put("graceDays", config.paymentGraceDays())
                .put("mrrCents", billing.mrrCents()).summary(summary);
    }
}
