package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * CANCELLATION_INTENT: an opened/reopened ticket of category CANCELLATION_INTENT opens the alert at once
 * (severity HIGH, CRITICAL for high MRR); it resolves {@code cancellation.intent.resolve.days} after the latest
 * such ticket.
 */
final class CancellationIntentRule implements SignalRule {

    private final SignalsConfig config;

    CancellationIntentRule(final SignalsConfig config) {
        this.config = config;
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.CANCELLATION_INTENT;
    }

    private long endsAt(final Evaluation ev) {
        final long last = ev.state().support().lastIntentAt();
        return last == Days.NONE ? Days.NONE : Days.plus(last, config.intentResolveDays());
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        return Verdict.when(ev.now() < endsAt(ev),
                Severities.forAccount(Severity.HIGH, ev, config.severityHighMrrCents()));
    }

    @Override
    public long nextChange(final Evaluation ev) {
        return endsAt(ev);
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final long last = ev.state().support().lastIntentAt();
        final String summary = status == AlertStatus.RESOLVED
                ? String.format(Locale.ROOT, "No cancellation-intent ticket for %d days", config.intentResolveDays())
                : "Support ticket with cancellation intent on " + Days.iso(Days.of(last));
        return Explanation.builder().time("lastIntentTicketAt", last)
                .put("resolveAfterDays", config.intentResolveDays()).summary(summary);
    }
}
