package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import org.junit.jupiter.api.Test;

class CancellationIntentRuleTest {

    @Test
    void shouldOpenAtOnceWithHighSeverityWhenIntentTicketArrives() {
        final Scenario s = Scenario.defaults();

        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT, AlertStatus.OPEN)).singleElement()
                .satisfies(a -> {
                    assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
                    assertThat(a.getOpenedAt()).isEqualTo(at(0, 9));
                });
    }

    @Test
    void shouldOpenCriticalWhenMrrIsHigh() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 250_000);

        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT, AlertStatus.OPEN)).singleElement()
                .satisfies(a -> {
                    assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
                    assertThat(a.getMrrAtRiskCents()).isEqualTo(250_000);
                });
    }

    @Test
    void shouldNotEmitAgainWhenAnotherIntentTicketArrivesWhileOpen() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        s.ticket(at(20, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT)).hasSize(1);
    }

    @Test
    void shouldResolveThirtyDaysAfterTheLatestIntentTicket() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);
        s.ticket(at(20, 9), TicketCategory.CANCELLATION_INTENT);

        s.advanceTo(day(60));

        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT, AlertStatus.RESOLVED))
                .extracting(ChurnRiskAlert::getEventTime).containsExactly(at(50, 9));
    }

    @Test
    void shouldReopenAtCooldownEndWhenIntentTicketArrivesDuringCooldown() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);
        s.advanceTo(day(31));

        s.ticket(at(33, 9), TicketCategory.CANCELLATION_INTENT);
        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT, AlertStatus.OPEN)).hasSize(1);
        s.advanceTo(day(40));

        // resolved at day 30 09:00; cooldown ends day 37 09:00
        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT, AlertStatus.OPEN))
                .extracting(ChurnRiskAlert::getOpenedAt).containsExactly(at(0, 9), at(37, 9));
    }
}
