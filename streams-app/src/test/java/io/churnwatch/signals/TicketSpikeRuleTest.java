package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketSpikeRuleTest {

    private static Scenario threeBugsOnDays(final int first) {
        final Scenario s = Scenario.defaults();
        for (int d = first; d < first + 3; d++) {
            s.ticket(at(d, 9), TicketCategory.BUG);
        }
        return s;
    }

    @Test
    void shouldOpenWhenThreeTicketsArriveWithinSevenDaysWithoutHistory() {
        final Scenario s = threeBugsOnDays(0);

        final List<ChurnRiskAlert> open = s.alerts(ChurnSignal.TICKET_SPIKE, AlertStatus.OPEN);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).getOpenedAt()).isEqualTo(at(2, 9));
        assertThat(open.get(0).getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(open.get(0).getEvidence()).containsEntry("ticketsRecentCount", "3")
                .containsEntry("ticketsBaselinePerWeek", "0");
    }

    @Test
    void shouldIgnoreTicketStepsOtherThanOpenedAndReopened() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.BUG, TicketPriority.NORMAL, TicketStatus.OPENED);
        s.ticket(at(0, 10), TicketCategory.BUG, TicketPriority.NORMAL, TicketStatus.UPDATED);
        s.ticket(at(0, 11), TicketCategory.BUG, TicketPriority.NORMAL, TicketStatus.RESOLVED);
        s.ticket(at(1, 9), TicketCategory.BUG, TicketPriority.NORMAL, TicketStatus.REOPENED);

        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE)).isEmpty();
        assertThat(s.state.support().opened().sum(Days.of(day(0).toEpochMilli()), Days.of(day(2).toEpochMilli())))
                .isEqualTo(2);
    }

    @Test
    void shouldOpenOnlyWhenRecentTicketsReachThreeTimesTheWeeklyBaseline() {
        final Scenario s = Scenario.defaults();
        for (final int d : new int[] {0, 3, 7, 10, 14, 17, 21, 24}) {
            s.ticket(at(d, 9), TicketCategory.QUESTION);
        }
        // baseline [0..27] = 8 tickets = 2/wk, so a spike needs 6 in [28..34]
        for (int i = 0; i < 5; i++) {
            s.ticket(at(34, 9 + i), TicketCategory.BUG);
        }
        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE)).isEmpty();

        s.ticket(at(34, 20), TicketCategory.BUG);

        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE, AlertStatus.OPEN)).hasSize(1);
    }

    @Test
    void shouldRaiseSeverityOneLevelWhenRecentTicketsIncludeRequests() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.BUG);
        s.ticket(at(1, 9), TicketCategory.FEATURE_REQUEST);
        s.ticket(at(2, 9), TicketCategory.BUG);

        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getSeverity)
                .containsExactly(Severity.HIGH);
    }

    @Test
    void shouldStayOpenBelowOpenCountUntilBelowResolveCount() {
        final Scenario s = threeBugsOnDays(0);

        s.advanceTo(at(7, 23));
        // day 7: [1..7] holds 2 tickets: below the open count 3 but not below the resolve count 2
        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE)).hasSize(1);

        s.advanceTo(day(9));
        final List<ChurnRiskAlert> resolved = s.alerts(ChurnSignal.TICKET_SPIKE, AlertStatus.RESOLVED);
        assertThat(resolved).extracting(ChurnRiskAlert::getEventTime).containsExactly(day(8));
    }

    @Test
    void shouldReopenAtCooldownEndWhenSpikeReturnsDuringCooldown() {
        final Scenario s = threeBugsOnDays(0);
        s.advanceTo(day(8));
        for (int d = 9; d < 12; d++) {
            s.ticket(at(d, 9), TicketCategory.BUG);
        }
        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE, AlertStatus.OPEN)).hasSize(1);

        s.advanceTo(day(16));

        // resolved at day 8, cooldown 7 days: the spike of days 9-11 opens at day 15
        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsExactly(at(2, 9), day(15));
    }
}
