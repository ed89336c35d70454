package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.login;
import static io.churnwatch.topology.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.ChurnSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events delivered again (same eventId) are recognised by the ids kept in their account's state: counted in
 * churnwatch.duplicate.records{topic} and applied once, however far the rest of the task's input has moved on.
 */
class DuplicateEventsTopologyTest {

    private static final String ACCOUNT = "twice";

    private final PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private double duplicates(final String topic) {
        return pipeline.counter("churnwatch.duplicate.records", "topic", topic);
    }

    @Test
    void shouldApplyATicketOnceWhenItIsDeliveredAgainRightAway() {
        final SupportTicketEvent second = ticket(ACCOUNT, at(10, 9), TicketCategory.BUG);
        pipeline.send(ticket(ACCOUNT, at(10, 8), TicketCategory.BUG)).send(second);

        pipeline.send(second);

        assertThat(duplicates("support-tickets")).isEqualTo(1.0);
        assertThat(pipeline.alerts()).noneMatch(alert -> alert.getSignal() == ChurnSignal.TICKET_SPIKE);
    }

    /** The ids are the account's: a week of other accounts' input does not make the task forget them. */
    @Test
    void shouldRecogniseTheDuplicateWhenOtherAccountsMovedStreamTimeOnByAWeek() {
        final UsageEvent login = login(ACCOUNT, at(10, 9));
        pipeline.send(login).send(login("busy", at(17, 9)));

        pipeline.send(login);

        assertThat(duplicates("product-usage")).isEqualTo(1.0);
        assertThat(pipeline.counter("churnwatch.late.records", "topic", "product-usage")).isZero();
    }

    /** An id seen again at an event time more than the grace period away is another event that reuses it. */
    @Test
    void shouldApplyTheEventWhenItsIdComesBackAtAnEventTimeBeyondTheGracePeriod() {
        final UsageEvent login = login(ACCOUNT, at(10, 9));
        pipeline.send(login);

        pipeline.send(UsageEvent.newBuilder(login).setOccurredAt(at(12, 9)).build());

        assertThat(duplicates("product-usage")).isZero();
        assertThat(pipeline.counter("churnwatch.events.processed", "topic", "product-usage")).isEqualTo(2.0);
    }

    @Test
    void shouldForgetAnAccountsOldIdsWhenItsOwnClockMovedPastTheirRetention() {
        pipeline.send(login(ACCOUNT, at(10, 9)));

        pipeline.send(login(ACCOUNT, at(14, 9)));

        assertThat(pipeline.accountState().get(ACCOUNT).eventIds().size()).isEqualTo(1);
    }
}
