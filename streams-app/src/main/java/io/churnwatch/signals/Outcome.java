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
 * @param late               true when the input record was older than the account's clock minus the grace
 *                           period (it changed no windowed counts)
 */
public record Outcome(AccountState state, List<ChurnRiskAlert> alerts, Optional<HealthScoreUpdate> health,
                      OptionalLong nextDeadlineMillis, boolean late) {

    public Outcome {
        alerts = alerts.isEmpty() ? List.of() : List.copyOf(alerts);
    }
}
