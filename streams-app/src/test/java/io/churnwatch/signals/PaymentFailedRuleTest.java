package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import org.junit.jupiter.api.Test;

class PaymentFailedRuleTest {

    private static Scenario failedOnDayZero() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 6), BillingEventType.SUBSCRIPTION_STARTED, 20_000);
        s.billing(at(0, 8), BillingEventType.PAYMENT_FAILED, 20_000);
        return s;
    }

    @Test
    void shouldOpenThroughDeadlineWhenFailureIsNotRecoveredWithinGrace() {
        final Scenario s = failedOnDayZero();
        s.advanceTo(at(3, 7));
        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED)).isEmpty();

        s.advanceTo(day(5));

        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getOpenedAt()).isEqualTo(at(3, 8));
            assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(a.getMrrAtRiskCents()).isEqualTo(20_000);
            assertThat(a.getEvidence()).containsEntry("paymentFailedAt", at(0, 8).toString());
        });
    }

    @Test
    void shouldNotOpenWhenPaymentSucceedsWithinGrace() {
        final Scenario s = failedOnDayZero();

        s.billing(at(2, 8), BillingEventType.PAYMENT_SUCCEEDED, 20_000);
        s.advanceTo(day(10));

        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED)).isEmpty();
    }

    @Test
    void shouldNotEmitAgainWhenPaymentFailsAgainWhileOpen() {
        final Scenario s = failedOnDayZero();
        s.advanceTo(day(4));

        s.billing(at(4, 8), BillingEventType.PAYMENT_FAILED, 20_000);
        s.advanceTo(day(10));

        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED)).hasSize(1);
    }

    @Test
    void shouldResolveWhenPaymentSucceeds() {
        final Scenario s = failedOnDayZero();
        s.advanceTo(day(4));

        s.billing(at(5, 8), BillingEventType.PAYMENT_SUCCEEDED, 20_000);

        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED, AlertStatus.RESOLVED)).singleElement()
                .satisfies(a -> assertThat(a.getEventTime()).isEqualTo(at(5, 8)));
    }

    @Test
    void shouldReopenAtCooldownEndWhenPaymentFailsAgainDuringCooldown() {
        final Scenario s = failedOnDayZero();
        s.advanceTo(day(4));
        s.billing(at(5, 8), BillingEventType.PAYMENT_SUCCEEDED, 20_000);

        s.billing(at(6, 8), BillingEventType.PAYMENT_FAILED, 20_000);
        s.advanceTo(day(15));

        // the new failure passes its grace at day 9 08:00; the cooldown ends at day 12 08:00
        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsExactly(at(3, 8), at(12, 8));
    }

    @Test
    void shouldNotOpenWhenSuccessArrivesOutOfOrderBeforeTheFailureRecord() {
        final Scenario s = Scenario.defaults();
        s.billing(at(1, 9), BillingEventType.PAYMENT_SUCCEEDED, 20_000);
        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 20_000);

        s.advanceTo(day(10));

        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED)).isEmpty();
    }
}
