package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.UsageKind;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @Test
    void shouldAskNoDeadlineWhenNothingIsPending() {
        final Scenario s = Scenario.defaults();

        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 10_000);

        assertThat(s.deadline).isEmpty();
    }

    @Test
    void shouldAskForNextDayBoundaryWhileWindowsHoldData() {
        final Scenario s = Scenario.defaults();

        s.logins(at(3, 15), 1);

        assertThat(s.deadline).hasValue(day(4).toEpochMilli());
    }

    @Test
    void shouldAskForGraceEndWhenOnlyAPaymentFailureIsPending() {
        final Scenario s = Scenario.with(Map.of("health.weight.billing", 0.0));

        s.billing(at(0, 8), BillingEventType.PAYMENT_FAILED, 10_000);

        assertThat(s.deadline).hasValue(at(3, 8).toEpochMilli());
    }

    @Test
    void shouldStopAskingOnceAQuietAccountHasNothingLeftToRoll() {
        final Scenario s = Scenario.defaults();
        s.logins(at(0, 8), 1);

        s.advanceTo(day(200));

        // daily while the login ring holds the login (36 days: the windows slide within a day), plus the
        // silence escalation; then nothing
        assertThat(s.deadline).isEmpty();
        assertThat(s.deadlinesFired).hasSizeLessThan(40).last().isEqualTo(day(36));
    }

    @Test
    void shouldAlwaysAskForDeadlineAfterTheClockWhenEventsAreRandom() {
        final Random random = new Random(99);
        final Scenario s = Scenario.defaults();
        for (int i = 0; i < 300; i++) {
            final var when = at(i / 4, random.nextInt(24));
            final Outcome outcome = switch (random.nextInt(3)) {
                case 0 -> s.usage(when, UsageKind.values()[random.nextInt(2)], 1, "f" + random.nextInt(5));
                case 1 -> s.ticket(when, TicketCategory.values()[random.nextInt(TicketCategory.values().length)]);
                default -> s.billing(when, BillingEventType.values()[random.nextInt(8)], random.nextInt(90_000));
            };
            outcome.nextDeadlineMillis().ifPresent(d ->
                    assertThat(d).isGreaterThan(outcome.state().clock().toEpochMilli()));
        }
    }
}
