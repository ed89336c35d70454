package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.TicketCategory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account-level CHURN_RISK episode (alert grouping ACCOUNT, the default), on the cohort of
 * {@link CohortLagRuleTest}: the account and five daily-active peers, lag 12 days and 7 confirm days, so COHORT_LAG
 * holds from day 14 and CHURN_RISK opens on day 21 while the account stays quiet.
 */
class RiskLifecycleTest {

    private static final int PEERS = 5;

    @Test
    void shouldOpenOneChurnRiskAlertWhenAnOpeningSignalHeldForTheConfirmDays() {
        final Scenario s = quietAccount(Map.of());

        peersDaily(s, 1, 25);

        assertThat(s.alerts).singleElement().satisfies(a -> {
            assertThat(a.getSignal()).isEqualTo(ChurnSignal.CHURN_RISK);
            assertThat(a.getStatus()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.getEventTime()).isEqualTo(day(21));
            assertThat(a.getRevision()).isZero();
            assertThat(a.getReasons()).extracting(AlertReason::getSignal)
                    .contains(ChurnSignal.COHORT_LAG, ChurnSignal.SILENCE);
        });
    }

    @Test
    void shouldNotOpenWhenOnlySignalsThatDoNotOpenHold() {
        final Scenario s = quietAccount(Map.of());
        for (int p = 0; p < PEERS; p++) {
            s.peerLogin("peer-" + p, at(0, 10));
        }

        s.advanceTo(day(60));

        assertThat(s.alerts).isEmpty();
    }

    @Test
    void shouldSendTheNextRevisionOfTheSameAlertWhenANewReasonJoins() {
        final Scenario s = quietAccount(Map.of());
        peersDaily(s, 1, 23);

        s.ticket(at(23, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts).extracting(ChurnRiskAlert::getRevision).containsExactly(0, 1);
        assertThat(s.alerts).extracting(ChurnRiskAlert::getAlertId).containsOnly(s.alerts.get(0).getAlertId());
        assertThat(s.alerts.get(1).getReasons()).extracting(AlertReason::getSignal)
                .contains(ChurnSignal.COHORT_LAG, ChurnSignal.CANCELLATION_INTENT);
    }

    @Test
    void shouldHoldAnUpdateBackWhenTheContactBudgetIsSpent() {
        final Scenario s = quietAccount(Map.of(RiskConfig.CONTACT_BUDGET, 1));
        peersDaily(s, 1, 23);
        s.ticket(at(23, 9), TicketCategory.CANCELLATION_INTENT);

        peersDaily(s, 23, 55);

        // One record per 30 days from the first contact on day 21: the new reason of day 23 waits until day 51.
        assertThat(s.alerts).extracting(ChurnRiskAlert::getEventTime, ChurnRiskAlert::getRevision)
                .containsExactly(tuple(day(21), 0), tuple(day(51), 1));
    }

    @Test
    void shouldResolveWhenNoOpeningSignalHeldForTheResolveDays() {
        final Scenario s = quietAccount(Map.of());
        peersDaily(s, 1, 23);
        s.logins(at(23, 13), 1);

        peersDaily(s, 23, 35);

        final List<ChurnRiskAlert> resolved = s.alerts.stream()
                .filter(a -> a.getStatus() == AlertStatus.RESOLVED).toList();
        assertThat(resolved).singleElement().satisfies(a -> {
            assertThat(a.getAlertId()).isEqualTo(s.alerts.get(0).getAlertId());
            assertThat(a.getRevision()).isEqualTo(1);
            assertThat(a.getEventTime()).isBetween(day(30), day(31));
        });
    }

    @Test
    void shouldOpenAtOnceWhenTheCustomerSaysItIntendsToCancel() {
        final Scenario s = Scenario.grouped(Map.of());

        s.ticket(at(3, 9), TicketCategory.CANCELLATION_INTENT);

        assertThat(s.alerts).singleElement().satisfies(a -> {
            assertThat(a.getEventTime()).isEqualTo(at(3, 9));
            assertThat(a.getReasons()).extracting(AlertReason::getSignal)
                    .containsExactly(ChurnSignal.CANCELLATION_INTENT);
        });
    }

    @Test
    void shouldKeepBillingFactsAsAlertsOfTheirOwnWhenGrouped() {
        final Scenario s = Scenario.grouped(Map.of());
        s.billing(at(0, 8), BillingEventType.SUBSCRIPTION_STARTED, 20_000);
        s.billing(at(1, 8), BillingEventType.PAYMENT_FAILED, 20_000);

        s.advanceTo(day(10));

        assertThat(s.alerts(ChurnSignal.PAYMENT_FAILED, AlertStatus.OPEN)).hasSize(1);
    }

    @Test
    void shouldCloseTheEpisodeAsChurnedWhenTheAccountCancels() {
        final Scenario s = quietAccount(Map.of());
        peersDaily(s, 1, 25);

        s.billing(at(25, 15), BillingEventType.CANCELLED, 0);

        assertThat(s.alerts).last().satisfies(a -> {
            assertThat(a.getStatus()).isEqualTo(AlertStatus.CLOSED_CHURNED);
            assertThat(a.getAlertId()).isEqualTo(s.alerts.get(0).getAlertId());
            assertThat(a.getRevision()).isEqualTo(1);
        });
    }

    /** A grouped account that logs in on day 0 only, in a cohort of six (cohort.min.members 3). */
    private static Scenario quietAccount(final Map<String, Object> settings) {
        final Map<String, Object> all = new HashMap<>(settings);
        all.put(RiskConfig.COHORT_MIN_MEMBERS, 3);
        all.put(RiskConfig.COHORT_LAG_DAYS, 12);
        all.putIfAbsent(RiskConfig.RISK_CONFIRM_DAYS, 7);
        final Scenario s = Scenario.grouped(all);
        s.logins(at(0, 9), 1);
        return s;
    }

    private static void peersDaily(final Scenario s, final int from, final int to) {
        for (int d = from; d < to; d++) {
            for (int p = 0; p < PEERS; p++) {
                s.peerLogin("peer-" + p, at(d, 12));
            }
        }
    }
}
