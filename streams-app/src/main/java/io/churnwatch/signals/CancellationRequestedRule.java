package io.churnwatch.signals;

/**
 * CANCELLATION_REQUESTED: a CANCELLATION_REQUESTED billing event not followed by RENEWED, UPGRADED or
 * SUBSCRIPTION_STARTED. Severity CRITICAL.
 */
final class CancellationRequestedRule implements SignalRule {

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.CANCELLATION_REQUESTED;
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        return Verdict.when(ev.state().billing().cancellationPending(), Severity.CRITICAL);
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final long requestedAt = ev.state().billing().lastCancellationRequestedAt();
        final String summary = status == AlertStatus.RESOLVED
                ? "Cancellation request of " + Days.iso(Days.of(requestedAt)) + " was withdrawn"
                : "Cancellation requested on " + Days.iso(Days.of(requestedAt));
        return Explanation.builder().time("cancellationRequestedAt", requestedAt)
                .put("mrrCents", ev.state().billing().mrrCents()).summary(summary);
    }
}
