package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.RiskConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * COHORT_LAG against a cohort of the account and five peers (cohort.min.members 3, lag 12 days): with the peers
 * active daily, the cohort's mean days since last usage is the account's own silence over six.
 */
class CohortLagRuleTest {

    private static final int PEERS = 5;

    @Test
    void shouldOpenWhenTheAccountIsQuietLagDaysLongerThanItsCohort() {
        final Scenario s = cohortOfSix();
        s.logins(at(0, 9), 1);

        peersDaily(s, 1, 20);

        // Day 14: 14 days silent, against the cohort's frozen mean of day 12 (12 / 6 = 2): 12 days over it.
        assertThat(s.alerts(ChurnSignal.COHORT_LAG, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getOpenedAt()).isEqualTo(day(14));
            assertThat(a.getSeverity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.getEvidence()).containsEntry("daysSilent", "14").containsEntry("cohortMembers", "6");
        });
    }

    @Test
    void shouldNotOpenWhenTheWholeCohortIsQuietTogether() {
        final Scenario s = cohortOfSix();
        s.logins(at(0, 9), 1);
        for (int p = 0; p < PEERS; p++) {
            s.peerLogin("peer-" + p, at(0, 10));
        }

        s.advanceTo(day(60));

        assertThat(s.alerts(ChurnSignal.COHORT_LAG)).isEmpty();
        assertThat(s.alerts(ChurnSignal.SILENCE, AlertStatus.OPEN)).isNotEmpty();
    }

    @Test
    void shouldFallBackToTheSilencePeriodWhenItsCohortHasFewerMembersThanTheMinimum() {
        final Scenario s = Scenario.with(Map.of(RiskConfig.COHORT_MIN_MEMBERS, 7));
        s.logins(at(0, 9), 1);

        peersDaily(s, 1, 20);

        assertThat(s.alerts(ChurnSignal.COHORT_LAG, AlertStatus.OPEN)).singleElement().satisfies(a -> {
            assertThat(a.getOpenedAt()).isEqualTo(day(14));
            assertThat(a.getEvidence()).containsEntry("silenceDays", "14").doesNotContainKey("cohortMembers");
        });
    }

    @Test
    void shouldRaiseSeverityToHighWhenTheLagReachesTwiceTheSetting() {
        final Scenario s = cohortOfSix();
        s.logins(at(0, 9), 1);

        peersDaily(s, 1, 40);

        // 24 days over the mean: D - (D - 2) / 6 >= 24, from day 29 on.
        assertThat(s.alerts(ChurnSignal.COHORT_LAG, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getSeverity)
                .containsExactly(Severity.MEDIUM, Severity.HIGH);
        assertThat(s.alerts(ChurnSignal.COHORT_LAG, AlertStatus.OPEN).get(1).getEventTime()).isEqualTo(day(29));
    }

    @Test
    void shouldResolveWhenTheAccountUsesTheProductAgain() {
        final Scenario s = cohortOfSix();
        s.logins(at(0, 9), 1);
        peersDaily(s, 1, 17);

        s.logins(at(17, 13), 1);

        assertThat(s.alerts(ChurnSignal.COHORT_LAG, AlertStatus.RESOLVED)).singleElement()
                .satisfies(a -> assertThat(a.getEventTime()).isEqualTo(at(17, 13)));
    }

    private static Scenario cohortOfSix() {
        return Scenario.with(Map.of(RiskConfig.COHORT_MIN_MEMBERS, 3, RiskConfig.COHORT_LAG_DAYS, 12));
    }

    /** Every peer logs in at noon of each day in [from, to). */
    private static void peersDaily(final Scenario s, final int from, final int to) {
        for (int d = from; d < to; d++) {
            for (int p = 0; p < PEERS; p++) {
                s.peerLogin("peer-" + p, at(d, 12));
            }
        }
    }
}
