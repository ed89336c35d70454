package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.Segment;
import io.churnwatch.events.TicketCategory;
import org.junit.jupiter.api.Test;

class PlaysTest {

    @Test
    void shouldTreatUnknownAccountAsLowTouchWithoutOwner() {
        final Scenario s = Scenario.defaults();

        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts.get(0).getSegment()).isEqualTo(Segment.LOW_TOUCH);
        assertThat(s.alerts.get(0).getOwnerId()).isNull();
        assertThat(s.alerts.get(0).getPlay()).isEqualTo("CSM check-in email from unassigned about cancellation intent");
    }

    @Test
    void shouldAssignCsmTaskToOwnerWhenHighTouch() {
        final Scenario s = Scenario.defaults().withProfile(Segment.HIGH_TOUCH, "csm-7");

        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts.get(0).getOwnerId()).isEqualTo("csm-7");
        assertThat(s.alerts.get(0).getPlay())
                .isEqualTo("CSM task for csm-7: call within 2 business days about cancellation intent");
    }

    @Test
    void shouldNameUnassignedOwnerWhenHighTouchAccountHasNoOwner() {
        assertThat(Plays.of(Segment.HIGH_TOUCH, null, ChurnSignal.SILENCE, AlertStatus.OPEN))
                .isEqualTo("CSM task for unassigned: call within 2 business days about silence");
    }

    @Test
    void shouldPickAutomatedCampaignPerSignalWhenTechTouch() {
        assertThat(Plays.of(Segment.TECH_TOUCH, null, ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN))
                .isEqualTo("automated: re-engagement email sequence");
        assertThat(Plays.of(Segment.TECH_TOUCH, null, ChurnSignal.PAYMENT_FAILED, AlertStatus.OPEN))
                .isEqualTo("automated: payment method update reminders");
    }

    @Test
    void shouldRecommendNoActionWhenEpisodeEnds() {
        assertThat(Plays.of(Segment.HIGH_TOUCH, "csm-7", ChurnSignal.SILENCE, AlertStatus.RESOLVED))
                .startsWith("no action");
        assertThat(Plays.of(Segment.TECH_TOUCH, null, ChurnSignal.SILENCE, AlertStatus.CLOSED_CHURNED))
                .startsWith("no action");
    }
}
