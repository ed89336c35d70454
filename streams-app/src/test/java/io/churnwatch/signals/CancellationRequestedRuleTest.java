package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import org.junit.jupiter.api.Test;

class CancellationRequestedRuleTest {

    private static Scenario requestedOnDayOne() {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 10_000);
        s.billing(at(1, 8), BillingEventType.CANCELLATION_REQUESTED, 10_000);
        return s;
    }

    @Test
    void shouldOpenCriticalWhenCancellationIsRequested() {
        final Scenario s = requestedOnDayOne();

        assertThat(s.alerts(ChurnSignal.CANCELLATION_REQUESTED, AlertStatus.OPEN)).singleElement()
                .satisfies(a -> {
                    assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
                    assertThat(a.getSummary()).isEqualTo("Cancellation requested on 2026-01-06");
                });
    }

    @Test
    void shouldNotEmitAgainWhenRequestIsRepeatedWhileOpen() {
        final Scenario s = requestedOnDayOne();

        s.billing(at(2, 8), BillingEventType.CANCELLATION_REQUESTED, 10_000);
        s.advanceTo(day(20));

        assertThat(s.alerts(ChurnSignal.CANCELLATION_REQUESTED)).hasSize(1);
    }

    @Test
    void shouldResolveWhenAccountRenews() {
        final Scenario s = requestedOnDayOne();

        s.billing(at(3, 8), BillingEventType.RENEWED, 10_000);

        assertThat(s.alerts(ChurnSignal.CANCELLATION_REQUESTED, AlertStatus.RESOLVED))
                .extracting(ChurnRiskAlert::getEventTime).containsExactly(at(3, 8));
    }

    @Test
    void shouldReopenAtCooldownEndWhenRequestedAgainDuringCooldown() {
        final Scenario s = requestedOnDayOne();
        s.billing(at(3, 8), BillingEventType.UPGRADED, 20_000);

        s.billing(at(4, 8), BillingEventType.CANCELLATION_REQUESTED, 20_000);
        s.advanceTo(day(12));

        assertThat(s.alerts(ChurnSignal.CANCELLATION_REQUESTED, AlertStatus.OPEN))
                .extracting(ChurnRiskAlert::getOpenedAt).containsExactly(at(1, 8), at(10, 8));
    }
}
