package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.day;
import static io.churnwatch.topology.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketStatus;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.Severity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TICKET_SPIKE and CANCELLATION_INTENT through the whole topology, for an account without ticket history: with
 * the defaults a spike needs 3 opened or reopened tickets in the 7 days ending today, and stays open while the
 * window holds 2.
 */
class TicketSpikeTopologyTest {

    private static final String ACCOUNT = "ticketer";

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private List<ChurnRiskAlert> alerts(final ChurnSignal signal) {
        return pipeline.alerts().stream()
                .filter(a -> a.getAccountId().equals(ACCOUNT) && a.getSignal() == signal).toList();
    }

    @Test
    void shouldOpenSpikeWhenTheThirdTicketArrivesWithinSevenDays() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(12, 9), TicketCategory.QUESTION));
        pipeline.send(ticket(ACCOUNT, at(16, 9), TicketCategory.BUG));

        final List<ChurnRiskAlert> spikes = alerts(ChurnSignal.TICKET_SPIKE);
        assertThat(spikes).hasSize(1);
        assertThat(spikes.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(spikes.get(0).getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(spikes.get(0).getEventTime()).isEqualTo(at(16, 9));
        assertThat(spikes.get(0).getEvidence()).containsEntry("ticketsRecentCount", "3");
    }

    @Test
    void shouldNotOpenSpikeWhenOnlyTwoTicketsArrive() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(10, 10), TicketCategory.BUG));
        pipeline.advanceStreamTime(day(20));

        assertThat(alerts(ChurnSignal.TICKET_SPIKE)).isEmpty();
    }

    @Test
    void shouldNotOpenSpikeWhenThreeTicketsSpreadOverMoreThanSevenDays() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(13, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(17, 9), TicketCategory.BUG));

        assertThat(alerts(ChurnSignal.TICKET_SPIKE)).isEmpty();
    }

    @Test
    void shouldCountReopenedTicketWhenCountingTheSpike() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(11, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(12, 9), TicketCategory.BUG, TicketStatus.REOPENED));

        assertThat(alerts(ChurnSignal.TICKET_SPIKE)).extracting(ChurnRiskAlert::getEventTime)
                .containsExactly(at(12, 9));
    }

    @Test
    void shouldNotCountTicketUpdatesWhenCountingTheSpike() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(11, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(11, 10), TicketCategory.BUG, TicketStatus.UPDATED));
        pipeline.send(ticket(ACCOUNT, at(12, 9), TicketCategory.BUG, TicketStatus.RESOLVED));

        assertThat(alerts(ChurnSignal.TICKET_SPIKE)).isEmpty();
    }

    @Test
    void shouldStayOpenUntilTheWindowHoldsFewerThanTwoTicketsWhenTheSpikeFades() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(12, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(14, 9), TicketCategory.BUG));

        // Day 17 drops the first ticket (2 left: below the open count, at the resolve count); day 19 the second.
        pipeline.advanceStreamTime(day(25));

        final List<ChurnRiskAlert> spikes = alerts(ChurnSignal.TICKET_SPIKE);
        assertThat(spikes).extracting(ChurnRiskAlert::getStatus)
                .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
        assertThat(spikes).extracting(ChurnRiskAlert::getEventTime).containsExactly(at(14, 9), day(19));
        assertThat(spikes.get(1).getAlertId()).isEqualTo(spikes.get(0).getAlertId());
    }

    @Test
    void shouldOpenHighCancellationIntentAtOnceWhenOneTicketSignalsIntent() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.CANCELLATION_INTENT));

        final List<ChurnRiskAlert> all = pipeline.alerts();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getSignal()).isEqualTo(ChurnSignal.CANCELLATION_INTENT);
        assertThat(all.get(0).getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(all.get(0).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(all.get(0).getEventTime()).isEqualTo(at(10, 9));
    }

    @Test
    void shouldRaiseSpikeSeverityWithTheSameAlertIdWhenAFeatureRequestArrivesDuringIt() {
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(11, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(12, 9), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(13, 9), TicketCategory.FEATURE_REQUEST));

        final List<ChurnRiskAlert> spikes = alerts(ChurnSignal.TICKET_SPIKE);
        assertThat(spikes).extracting(ChurnRiskAlert::getStatus).containsExactly(AlertStatus.OPEN, AlertStatus.OPEN);
        assertThat(spikes).extracting(ChurnRiskAlert::getSeverity).containsExactly(Severity.MEDIUM, Severity.HIGH);
        assertThat(spikes.get(1).getAlertId()).isEqualTo(spikes.get(0).getAlertId());
        assertThat(spikes.get(1).getOpenedAt()).isEqualTo(at(12, 9));
        assertThat(spikes.get(1).getEvidence()).containsEntry("requestsRecentCount", "1");
    }
}
