package io.churnwatch.generate;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.ChurnSignal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the generator made an account do: the answer key for scoring alerts ("flagged before it cancelled, and
 * how far ahead").
 *
 * @param accountId the account
 * @param segment its segment
 * @param archetype its behaviour
 * @param behaviourStartsAt when the archetype's behaviour starts (decline, silence, ticket burst, failed
 *     payment, first churn sign); null for {@link Archetype#HEALTHY}
 * @param cancellationRequestedAt when a churner requested cancellation; null otherwise
 * @param cancelledAt when a churner's subscription ended; null otherwise
 * @param expectedSignals signals the behaviour is built to raise, given enough history; empty for healthy
 *     accounts (which may still raise some by chance, as real accounts do)
 */
public record GroundTruth(String accountId, Segment segment, Archetype archetype, Instant behaviourStartsAt,
                          Instant cancellationRequestedAt, Instant cancelledAt, Set<ChurnSignal> expectedSignals) {

    public GroundTruth {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(archetype, "archetype");
        expectedSignals = Set.copyOf(expectedSignals);
    }

    /** Whether the account cancelled within the history. */
    public boolean churned() {
        return cancelledAt != null;
    }
}
