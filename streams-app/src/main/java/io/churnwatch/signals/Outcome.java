package io.churnwatch.signals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Result of one {@link AccountEngine} call.
 *
 * @param state              the account's state to store (the updated instance); null only for a deadline of an
 *                           account without state
 * @param alerts             alert records to emit, in signal order
 * @param health             a health update to emit when the score changed since the last one emitted
 * @param nextDeadlineMillis the one event time at which the account must be re-evaluated even if it sends
 *                           nothing; empty when nothing is pending
 * @param arrival            how the input record's event time stood to the account's clock (IN_ORDER for a
 *                           deadline)
 */
public record Outcome(AccountState state, List<ChurnRiskAlert> alerts, Optional<HealthScoreUpdate> health,
                      OptionalLong nextDeadlineMillis, Arrival arrival) {

    /**
     * Where an input record's event time lies against the clock of its account (the latest event time or deadline
     * the account has seen).
     */
    public enum Arrival {
        /** At or after the clock: the order of a replay of the same input. */
        IN_ORDER,
        /**
         * Before the clock but within the grace period: counted in its own day, but evaluated (and its outputs
         * stamped) at the clock. Replays of a topic in event-time order never produce one; a live run does when a
         * stream task processed one input partition ahead of another (Kafka Streams waits at most
         * {@code max.task.idle.ms} for an empty partition), and its outputs then differ from a replay's.
         */
        BEHIND_CLOCK,
        /** Older than the clock minus the grace period: it changed no windowed counts, only last-seen facts. */
        LATE
    }

    public Outcome {
        alerts = alerts.isEmpty() ? List.of() : List.copyOf(alerts);
    }

    /** True when the input record was older than the account's clock minus the grace period. */
    public boolean late() {
        return arrival == Arrival.LATE;
    }
}
