package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEventType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthDropRuleTest {

    /**
     * A billing-only account: 100, 75 with an unpaid failure, 85 with a recent downgrade; every drop counts,
     * even one that leaves the account HEALTHY.
     */
    private static Scenario billingOnly() {
        return billingOnly(101);
    }

    private static Scenario billingOnly(final int alertBelow) {
        final Scenario s = Scenario.with(Map.of("health.billing.penalty.payment.failed", 25.0,
                "health.billing.penalty.downgrade", 15.0, "payment.failure.grace.days", 30,
                "health.drop.alert.below", alertBelow));
        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 10_000);
        return s;
    }

    @Test
    void shouldOpenWhenScoreFallsTwentyPointsBelowRecentHigh() {
        final Scenario s = billingOnly();

        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 10_000);

        assertThat(s.alerts(ChurnSignal.HEALTH_DROP, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getHealthScore()).isEqualTo(75);
            assertThat(a.getEvidence()).containsEntry("recentHigh", "100").containsEntry("drop", "25")
                    .containsEntry("topDriver", "billing");
        });
    }

    @Test
    void shouldNotOpenWhenTheDropLeavesTheAccountHealthy() {
        final Scenario s = billingOnly(70);

        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 10_000);

        assertThat(s.lastHealth().getScore()).isEqualTo(75);
        assertThat(s.alerts(ChurnSignal.HEALTH_DROP)).isEmpty();
    }

    @Test
    void shouldOpenWhenScoreEntersAtRiskBandWithoutRecentHigh() {
        final Scenario s = Scenario.defaults();

        s.billing(at(0, 8), BillingEventType.CANCELLATION_REQUESTED, 10_000);

        assertThat(s.alerts(ChurnSignal.HEALTH_DROP, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getHealthScore()).isZero();
            assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void shouldStayOpenWhileDropIsAboveHalfTheThreshold() {
        final Scenario s = billingOnly();
        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 10_000);

        s.billing(at(2, 8), BillingEventType.DOWNGRADED, 9_000);
        s.billing(at(2, 9), BillingEventType.PAYMENT_SUCCEEDED, 9_000);

        // 85 is 15 below the high of 100: would not open, does not resolve (15 >= 20 / 2)
        assertThat(s.lastHealth().getScore()).isEqualTo(85);
        assertThat(s.alerts(ChurnSignal.HEALTH_DROP, AlertStatus.RESOLVED)).isEmpty();
        assertThat(s.alerts(ChurnSignal.HEALTH_DROP)).extracting(ChurnRiskAlert::getOpenedAt).containsOnly(at(1, 8));
    }

    @Test
    void shouldResolveWhenScoreRecovers() {
        final Scenario s = billingOnly();
        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 10_000);

        s.billing(at(2, 8), BillingEventType.PAYMENT_SUCCEEDED, 10_000);

        assertThat(s.alerts(ChurnSignal.HEALTH_DROP, AlertStatus.RESOLVED)).singleElement()
                .satisfies(a -> assertThat(a.getHealthScore()).isEqualTo(100));
    }

    @Test
    void shouldResolveThroughDeadlineWhenTheRecentHighAgesOut() {
        final Scenario s = billingOnly();
        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 10_000);
        s.billing(at(2, 8), BillingEventType.DOWNGRADED, 9_000);
        s.billing(at(2, 9), BillingEventType.PAYMENT_SUCCEEDED, 9_000);

        s.advanceTo(day(20));

        // the high of 100 (day 0) leaves the 14-day window at day 14; the score stays 85
        assertThat(s.alerts(ChurnSignal.HEALTH_DROP, AlertStatus.RESOLVED)).extracting(ChurnRiskAlert::getEventTime)
                .containsExactly(day(14));
    }

    @Test
    void shouldReopenAtCooldownEndWhenScoreDropsAgainDuringCooldown() {
        final Scenario s = billingOnly();
        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 10_000);
        s.billing(at(2, 8), BillingEventType.PAYMENT_SUCCEEDED, 10_000);

        s.billing(at(3, 8), BillingEventType.PAYMENT_FAILED, 10_000);
        s.advanceTo(day(12));

        assertThat(s.alerts(ChurnSignal.HEALTH_DROP, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsExactly(at(1, 8), at(9, 8));
    }
}
