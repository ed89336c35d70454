package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.login;
import static io.churnwatch.topology.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.TicketCategory;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records that arrive after their account's clock moved on. Older than the clock minus the grace period
 * (window.grace, 1 day): counted in churnwatch.late.records{topic} and left out of windowed counts. Within it:
 * counted in their own day like any other record, and in churnwatch.reordered.records{topic}. Three tickets in a
 * week open a TICKET_SPIKE, so whether the third (out-of-order) ticket counted shows in the alerts.
 */
class LateEventsTopologyTest {

    private static final String ACCOUNT = "laggard";

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private List<ChurnRiskAlert> spikes() {
        return pipeline.alerts().stream().filter(a -> a.getSignal() == ChurnSignal.TICKET_SPIKE).toList();
    }

    private double late(final String topic) {
        return pipeline.counter("churnwatch.late.records", "topic", topic);
    }

    @Test
    void shouldCountTheLateRecordInTheMetricWhenItIsOlderThanTheGracePeriod() {
        pipeline.send(login(ACCOUNT, at(10, 9)));

        pipeline.send(login(ACCOUNT, at(9, 8)));

        assertThat(late("product-usage")).isEqualTo(1.0);
        assertThat(pipeline.counter("churnwatch.events.processed", "topic", "product-usage")).isEqualTo(2.0);
    }

    @Test
    void shouldCountTheRecordAsReorderedWhenItIsBehindTheAccountsClockWithinTheGracePeriod() {
        pipeline.send(login(ACCOUNT, at(10, 9)));
        pipeline.send(login("other", at(9, 8)));

        pipeline.send(login(ACCOUNT, at(9, 10)));

        assertThat(pipeline.counter("churnwatch.reordered.records", "topic", "product-usage")).isEqualTo(1.0);
        assertThat(late("product-usage")).isZero();
    }

    @Test
    void shouldLeaveWindowedCountsUnchangedWhenTheRecordIsOlderThanTheGracePeriod() {
        pipeline.send(ticket(ACCOUNT, at(10, 8), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));

        pipeline.send(ticket(ACCOUNT, at(9, 8), TicketCategory.BUG));

        assertThat(late("support-tickets")).isEqualTo(1.0);
        assertThat(spikes()).isEmpty();
    }

    @Test
    void shouldCountTheOutOfOrderRecordWhenItIsWithinTheGracePeriod() {
        pipeline.send(ticket(ACCOUNT, at(10, 8), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));

        pipeline.send(ticket(ACCOUNT, at(9, 10), TicketCategory.BUG));

        assertThat(late("support-tickets")).isZero();
        final List<ChurnRiskAlert> spikes = spikes();
        assertThat(spikes).hasSize(1);
        // Evaluated at the account's clock, which an out-of-order record never moves back.
        assertThat(spikes.get(0).getEventTime()).isEqualTo(at(10, 9));
        assertThat(spikes.get(0).getEvidence()).containsEntry("ticketsRecentCount", "3");
    }

    @Test
    void shouldJudgeLatenessByTheAccountsOwnClockWhenOtherAccountsAreAhead() {
        pipeline.send(ticket(ACCOUNT, at(10, 8), TicketCategory.BUG));
        pipeline.send(ticket(ACCOUNT, at(10, 9), TicketCategory.BUG));
        pipeline.send(login("other", at(10, 20)));

        pipeline.send(ticket(ACCOUNT, at(9, 10), TicketCategory.BUG));

        assertThat(late("support-tickets")).isZero();
        assertThat(spikes()).hasSize(1);
    }
}
