package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.billing;
import static io.churnwatch.topology.Events.profile;
import static io.churnwatch.topology.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.ProfileFacts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The profiles behind the alerts: an account without a profile is treated as LOW_TOUCH without an owner, a
 * profile that arrives later is used from the next alert on, and a deleted one (a tombstone) is forgotten. Their
 * facts are kept with the account's state; the accounts table is read only for a state that does not have them.
 */
class AccountProfileTopologyTest {

    private static final String ACCOUNT = "newcomer";
    private static final String OWNER = "csm-ana";

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private ChurnRiskAlert single(final ChurnSignal signal) {
        final List<ChurnRiskAlert> alerts = pipeline.alerts().stream().filter(a -> a.getSignal() == signal).toList();
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    @Test
    void shouldAlertAsLowTouchWithoutOwnerWhenTheAccountHasNoProfile() {
        pipeline.send(ticket(ACCOUNT, at(3, 9), TicketCategory.CANCELLATION_INTENT));

        final ChurnRiskAlert alert = single(ChurnSignal.CANCELLATION_INTENT);
        assertThat(alert.getSegment()).isEqualTo(Segment.LOW_TOUCH);
        assertThat(alert.getOwnerId()).isNull();
        assertThat(alert.getPlay()).isEqualTo("CSM check-in email from unassigned about cancellation intent");
    }

    @Test
    void shouldUseTheProfileInTheNextAlertWhenItArrivesAfterTheFirstAlert() {
        pipeline.send(ticket(ACCOUNT, at(3, 9), TicketCategory.CANCELLATION_INTENT));
        assertThat(single(ChurnSignal.CANCELLATION_INTENT).getSegment()).isEqualTo(Segment.LOW_TOUCH);

        pipeline.send(profile(ACCOUNT, Segment.HIGH_TOUCH, OWNER));
        pipeline.send(billing(ACCOUNT, at(4, 9), BillingEventType.CANCELLATION_REQUESTED, 10_000));

        final ChurnRiskAlert next = single(ChurnSignal.CANCELLATION_REQUESTED);
        assertThat(next.getSegment()).isEqualTo(Segment.HIGH_TOUCH);
        assertThat(next.getOwnerId()).isEqualTo(OWNER);
        assertThat(next.getPlay()).isEqualTo("CSM task for " + OWNER
                + ": call within 2 business days about cancellation requested");
    }

    @Test
    void shouldUseTheProfileInEveryAlertWhenItArrivesFirst() {
        pipeline.send(profile(ACCOUNT, Segment.TECH_TOUCH, null));
        pipeline.send(ticket(ACCOUNT, at(4, 9), TicketCategory.CANCELLATION_INTENT));

        final ChurnRiskAlert alert = single(ChurnSignal.CANCELLATION_INTENT);
        assertThat(alert.getSegment()).isEqualTo(Segment.TECH_TOUCH);
        assertThat(alert.getPlay()).isEqualTo("automated: retention offer email");
    }

    @Test
    void shouldKeepTheProfileOutOfTheDeadLetterTopicWhenItHasNoEventTime() {
        pipeline.send(profile(ACCOUNT, Segment.HIGH_TOUCH, OWNER));

        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void shouldTreatTheAccountAsUnknownAgainWhenItsProfileIsDeleted() {
        pipeline.send(profile(ACCOUNT, Segment.HIGH_TOUCH, OWNER));
        pipeline.send(ticket(ACCOUNT, at(3, 9), TicketCategory.CANCELLATION_INTENT));

        pipeline.sendAs(pipeline.topics.accounts(), ACCOUNT, null, at(4, 0));
        pipeline.send(billing(ACCOUNT, at(4, 9), BillingEventType.CANCELLATION_REQUESTED, 10_000));

        final ChurnRiskAlert next = single(ChurnSignal.CANCELLATION_REQUESTED);
        assertThat(next.getSegment()).isEqualTo(Segment.LOW_TOUCH);
        assertThat(next.getOwnerId()).isNull();
    }

    @Test
    void shouldKeepTheProfileFactsInTheAccountStateWhenTheProfileArrivesBeforeAnyEvent() {
        pipeline.send(profile(ACCOUNT, Segment.HIGH_TOUCH, OWNER));
        final TrackedAccount profileOnly = pipeline.accountState().get(ACCOUNT);

        pipeline.send(ticket(ACCOUNT, at(3, 9), TicketCategory.BUG));

        assertThat(profileOnly.state()).isNull();
        assertThat(profileOnly.profile()).isEqualTo(new ProfileFacts(Segment.HIGH_TOUCH, OWNER, null));
        assertThat(pipeline.accountState().get(ACCOUNT).state()).isNotNull();
        assertThat(pipeline.accountState().get(ACCOUNT).profile()).isEqualTo(profileOnly.profile());
    }

    /** An entry written by a release that did not keep profile facts: the profile is read from the table. */
    @Test
    void shouldUseTheAccountsTableWhenTheStoredStateHasNoProfileFacts() {
        pipeline.send(profile(ACCOUNT, Segment.HIGH_TOUCH, OWNER));
        pipeline.send(ticket(ACCOUNT, at(3, 9), TicketCategory.BUG));
        pipeline.accountState().put(ACCOUNT, pipeline.accountState().get(ACCOUNT).withProfile(null));

        pipeline.send(billing(ACCOUNT, at(4, 9), BillingEventType.CANCELLATION_REQUESTED, 10_000));

        assertThat(single(ChurnSignal.CANCELLATION_REQUESTED).getOwnerId()).isEqualTo(OWNER);
        assertThat(pipeline.accountState().get(ACCOUNT).profile()).isEqualTo(
                new ProfileFacts(Segment.HIGH_TOUCH, OWNER, null));
    }
}
