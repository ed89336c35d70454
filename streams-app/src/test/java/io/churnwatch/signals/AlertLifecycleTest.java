package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    /** A scripted account touching every signal. */
    private static Scenario script() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 6), BillingEventType.SUBSCRIPTION_STARTED, 120_000);
        s.dailyLogins(0, 35, 3);
        s.feature(at(2, 9), "reports.export");
        s.ticket(at(36, 9), TicketCategory.BUG);
        s.ticket(at(37, 9), TicketCategory.DISCOUNT_REQUEST);
        s.ticket(at(38, 9), TicketCategory.CANCELLATION_INTENT);
        s.billing(at(39, 8), BillingEventType.DOWNGRADED, 60_000);
        s.billing(at(40, 8), BillingEventType.PAYMENT_FAILED, 60_000);
        s.advanceTo(day(70));
        return s;
    }

    @Test
    void shouldDeriveAlertIdFromAccountSignalAndOpenedAt() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        final String name = "acct-1|CANCELLATION_INTENT|" + at(0, 9).toEpochMilli();
        assertThat(s.alerts.get(0).getAlertId())
                .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void shouldProduceEqualOutputsWhenSameInputsAreReplayed() {
        final Scenario first = script();
        final Scenario second = script();

        assertThat(first.alerts).hasSizeGreaterThan(6).isEqualTo(second.alerts);
        assertThat(first.health).isEqualTo(second.health);
        assertThat(first.deadlinesFired).isEqualTo(second.deadlinesFired);
        assertThat(AccountStateSerde.toBytes(first.state)).isEqualTo(AccountStateSerde.toBytes(second.state));
    }

    @Test
    void shouldReuseAlertIdWhenDuplicateInputArrives() {
        final Scenario s = Scenario.defaults();
        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        s.ticket(at(0, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts(ChurnSignal.CANCELLATION_INTENT)).hasSize(1);
    }

    @Test
    void shouldReemitOpenWithSameIdOnlyWhenSeverityRises() {
        final Scenario s = Scenario.defaults();
        for (int d = 0; d < 3; d++) {
            s.ticket(at(d, 9), TicketCategory.BUG);
        }
        s.ticket(at(3, 9), TicketCategory.FEATURE_REQUEST);
        s.ticket(at(3, 10), TicketCategory.BUG);

        // MEDIUM at 3 tickets, HIGH with a request; a further ticket changes nothing
        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE)).extracting(ChurnRiskAlert::getSeverity)
                .containsExactly(Severity.MEDIUM, Severity.HIGH);
        assertThat(s.alerts(ChurnSignal.TICKET_SPIKE)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsOnly(at(2, 9));
    }

    /**
     * PAYMENT_FAILED and CANCELLATION_REQUESTED open when the account cancels; DOWNGRADE and HEALTH_DROP resolved
     * by the upgrade (HEALTH_DROP is still cooling down).
     */
    private static Scenario withOpenAlertsThenCancelled() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 6), BillingEventType.SUBSCRIPTION_STARTED, 50_000);
        s.billing(at(1, 6), BillingEventType.DOWNGRADED, 40_000);
        s.billing(at(2, 6), BillingEventType.UPGRADED, 50_000);
        s.billing(at(3, 6), BillingEventType.PAYMENT_FAILED, 50_000);
        s.billing(at(7, 6), BillingEventType.CANCELLATION_REQUESTED, 50_000);
        s.billing(at(8, 6), BillingEventType.CANCELLED, 0);
        return s;
    }

    @Test
    void shouldCloseEveryOpenAlertAsChurnedWhenAccountCancels() {
        final Scenario s = withOpenAlertsThenCancelled();

        final var closed = s.last.alerts();
        assertThat(closed).extracting(ChurnRiskAlert::getStatus).containsOnly(AlertStatus.CLOSED_CHURNED);
        assertThat(closed).extracting(ChurnRiskAlert::getSignal).containsExactly(ChurnSignal.PAYMENT_FAILED,
                ChurnSignal.CANCELLATION_REQUESTED, ChurnSignal.HEALTH_DROP);
        for (final ChurnRiskAlert alert : closed) {
            assertThat(s.alerts(alert.getSignal(), AlertStatus.OPEN).get(0).getAlertId())
                    .isEqualTo(alert.getAlertId());
            assertThat(alert.getMrrAtRiskCents()).isEqualTo(50_000);
        }
        assertThat(s.last.health()).isEmpty();
        assertThat(s.last.nextDeadlineMillis()).isEmpty();
        assertThat(s.state.episodes()).isEmpty();
    }

    @Test
    void shouldEmitNothingAfterCancellationUntilNewSubscription() {
        final Scenario s = withOpenAlertsThenCancelled();
        final int alertsAtCancel = s.alerts.size();
        final int healthAtCancel = s.health.size();

        s.logins(at(9, 6), 1);
        s.ticket(at(10, 6), TicketCategory.CANCELLATION_INTENT);
        s.billing(at(11, 6), BillingEventType.PAYMENT_FAILED, 0);
        s.advanceTo(day(40));

        assertThat(s.alerts).hasSize(alertsAtCancel);
        assertThat(s.health).hasSize(healthAtCancel);
        assertThat(s.deadline).isEmpty();

        s.billing(at(41, 6), BillingEventType.SUBSCRIPTION_STARTED, 30_000);
        s.ticket(at(42, 6), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts.subList(alertsAtCancel, s.alerts.size())).extracting(ChurnRiskAlert::getSignal)
                .contains(ChurnSignal.CANCELLATION_INTENT);
        assertThat(s.health).hasSizeGreaterThan(healthAtCancel);
    }
}
