package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import org.junit.jupiter.api.Test;

class DowngradeRuleTest {

    private static Scenario downgradedOnDayOne(final long from, final long to) {
        final Scenario s = Scenario.defaults();
        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, from);
        s.billing(at(1, 8), BillingEventType.DOWNGRADED, to);
        return s;
    }

    @Test
    void shouldOpenWithLostMrrWhenAccountDowngrades() {
        final Scenario s = downgradedOnDayOne(50_000, 20_000);

        assertThat(s.alerts(ChurnSignal.DOWNGRADE, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getEvidence()).containsEntry("previousMrrCents", "50000")
                    .containsEntry("newMrrCents", "20000").containsEntry("lostMrrCents", "30000");
            assertThat(a.getMrrAtRiskCents()).isEqualTo(20_000);
            assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void shouldUseMediumSeverityWhenLessThanHalfTheMrrIsLost() {
        final Scenario s = downgradedOnDayOne(50_000, 40_000);

        assertThat(s.alerts(ChurnSignal.DOWNGRADE)).extracting(ChurnRiskAlert::getSeverity)
                .containsExactly(Severity.MEDIUM);
    }

    @Test
    void shouldNotEmitAgainWhenOtherBillingEventsArriveWhileOpen() {
        final Scenario s = downgradedOnDayOne(50_000, 20_000);

        s.billing(at(5, 8), BillingEventType.RENEWED, 20_000);
        s.billing(at(6, 8), BillingEventType.PAYMENT_SUCCEEDED, 20_000);

        assertThat(s.alerts(ChurnSignal.DOWNGRADE)).hasSize(1);
    }

    @Test
    void shouldResolveTwentyEightDaysAfterTheDowngrade() {
        final Scenario s = downgradedOnDayOne(50_000, 20_000);

        s.advanceTo(day(40));

        assertThat(s.alerts(ChurnSignal.DOWNGRADE, AlertStatus.RESOLVED)).extracting(ChurnRiskAlert::getEventTime)
                .containsExactly(at(29, 8));
    }

    @Test
    void shouldResolveWhenAccountUpgrades() {
        final Scenario s = downgradedOnDayOne(50_000, 20_000);

        s.billing(at(3, 8), BillingEventType.UPGRADED, 50_000);

        assertThat(s.alerts(ChurnSignal.DOWNGRADE, AlertStatus.RESOLVED)).extracting(ChurnRiskAlert::getEventTime)
                .containsExactly(at(3, 8));
    }

    @Test
    void shouldReopenAtCooldownEndWhenAccountDowngradesDuringCooldown() {
        final Scenario s = downgradedOnDayOne(50_000, 20_000);
        s.billing(at(3, 8), BillingEventType.UPGRADED, 50_000);

        s.billing(at(4, 8), BillingEventType.DOWNGRADED, 30_000);
        assertThat(s.alerts(ChurnSignal.DOWNGRADE, AlertStatus.OPEN)).hasSize(1);
        s.advanceTo(day(12));

        assertThat(s.alerts(ChurnSignal.DOWNGRADE, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsExactly(at(1, 8), at(10, 8));
    }
}
