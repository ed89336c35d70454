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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The accounts table behind the alerts: an account without a profile is treated as LOW_TOUCH without an owner,
 * and a profile that arrives later is used from the next alert on.
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
}
