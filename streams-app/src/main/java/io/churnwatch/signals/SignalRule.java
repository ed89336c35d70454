package io.churnwatch.signals;

/**
 * One churn signal's condition. Implementations are stateless: everything they need is in the
 * {@link Evaluation}; the episode lifecycle (open/resolve/cooldown) is {@link AlertLifecycle}'s job.
 */
interface SignalRule {

    ChurnSignal signal();

    /**
     * Whether the condition holds now. {@code currentlyOpen} lets a rule apply hysteresis: a looser threshold
     * keeps an open episode open than the one that opens it.
     */
    Verdict assess(Evaluation ev, boolean currentlyOpen);

    /** Evidence and summary for a record of the given status (OPEN or RESOLVED). */
    Explanation explain(Evaluation ev, AlertStatus status);

    /**
     * The earliest event time after {@code ev.now()} at which the verdict can change without new input, other
     * than at day boundaries (which the engine schedules while windowed data remains); {@link Days#NONE} if none.
     */
    default long nextChange(final Evaluation ev) {
        return Days.NONE;
    }
}
