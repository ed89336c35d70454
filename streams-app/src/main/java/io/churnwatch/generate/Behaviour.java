package io.churnwatch.generate;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.ChurnSignal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The planned behaviour of one account: when its archetype's changes happen. Built once by
 * {@link BehaviourPlanner} through the fluent setters, then only read. A null instant means "never".
 */
final class Behaviour {

    private final Archetype archetype;
    private final Set<ChurnSignal> expectedSignals = EnumSet.noneOf(ChurnSignal.class);
    private Instant startsAt;
    private Instant declineFrom;
    private double declineFactor = 1.0;
    private Instant silentFrom;
    private Instant burstFrom;
    private int burstTickets;
    private Instant intentTicketAt;
    private Instant downgradeAt;
    private Instant failedRenewalAt;
    private Instant cancellationRequestedAt;
    private Instant cancelledAt;

    Behaviour(final Archetype archetype) {
        this.archetype = archetype;
    }

    Behaviour startsAt(final Instant at) {
        this.startsAt = at;
        return this;
    }

    Behaviour decline(final Instant from, final double factor) {
        this.declineFrom = from;
        this.declineFactor = factor;
        return expect(ChurnSignal.LOGIN_DECLINE);
    }

    Behaviour silence(final Instant from) {
        this.silentFrom = from;
        return expect(ChurnSignal.SILENCE);
    }

    Behaviour ticketBurst(final Instant from, final int tickets) {
        this.burstFrom = from;
        this.burstTickets = tickets;
        return expect(ChurnSignal.TICKET_SPIKE);
    }

    Behaviour cancellationIntent(final Instant at) {
        this.intentTicketAt = at;
        return expect(ChurnSignal.CANCELLATION_INTENT);
    }

    Behaviour downgrade(final Instant at) {
        this.downgradeAt = at;
        return expect(ChurnSignal.DOWNGRADE);
    }

    Behaviour failedRenewal(final Instant renewal) {
        this.failedRenewalAt = renewal;
        return expect(ChurnSignal.PAYMENT_FAILED);
    }

    Behaviour cancellation(final Instant requestedAt, final Instant at) {
        this.cancellationRequestedAt = requestedAt;
        this.cancelledAt = at;
        return expect(ChurnSignal.CANCELLATION_REQUESTED);
    }

    private Behaviour expect(final ChurnSignal signal) {
        expectedSignals.add(signal);
        return this;
    }

    Archetype archetype() {
        return archetype;
    }

    /** Whether the account still uses the product (and opens tickets) at {@code t}. */
    boolean active(final Instant t) {
        return (silentFrom == null || t.isBefore(silentFrom)) && (cancelledAt == null || t.isBefore(cancelledAt));
    }

    /** Fraction of the usual logins that still happen at {@code t}. */
    double loginFactor(final Instant t) {
        return declineFrom != null && !t.isBefore(declineFrom) ? declineFactor : 1.0;
    }

    /** Whether usage must stay high enough for a login decline to be measurable against its baseline. */
    boolean needsLoginBaseline() {
        return archetype == Archetype.DECLINING || archetype == Archetype.CHURNING;
    }

    Instant burstFrom() {
        return burstFrom;
    }

    int burstTickets() {
        return burstTickets;
    }

    Instant intentTicketAt() {
        return intentTicketAt;
    }

    Instant downgradeAt() {
        return downgradeAt;
    }

    Instant failedRenewalAt() {
        return failedRenewalAt;
    }

    Instant cancellationRequestedAt() {
        return cancellationRequestedAt;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    GroundTruth truth(final String accountId, final Segment segment) {
        return new GroundTruth(accountId, segment, archetype, startsAt, cancellationRequestedAt, cancelledAt,
                expectedSignals);
    }
}
