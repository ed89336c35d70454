package io.churnwatch.signals;

import static io.churnwatch.signals.Scenario.at;
import static io.churnwatch.signals.Scenario.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginDeclineRuleTest {

    /** 2 logins a day on days 0-34 (14/wk), then none. */
    private static Scenario steadyThenStop() {
        final Scenario s = Scenario.defaults();
        s.dailyLogins(0, 35, 2);
        return s;
    }

    private static double ratioAt(final Scenario s, final int day) {
        return Trend.sliding(s.state.usage().logins(), day(day).toEpochMilli(), 7, 28).ratio();
    }

    @Test
    void shouldOpenThroughDeadlineWhenRecentLoginsFallToHalfOfBaseline() {
        final Scenario s = steadyThenStop();

        s.advanceTo(day(40));

        // day 38 00:00: the last 7 x 24 h are days 31..37 = 4 days x 2 = 8 logins vs 14/wk: ratio 0.57, not yet;
        // day 39 00:00: days 32..38 = 6 logins vs baseline days 4..31 = 56 (14/wk): ratio 0.43
        final List<ChurnRiskAlert> open = s.alerts(ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN);
        assertThat(open.get(0).getOpenedAt()).isEqualTo(day(39));
        assertThat(open.get(0).getEvidence()).containsEntry("loginsRecentCount", "6")
                .containsEntry("loginsBaselinePerWeek", "14").containsEntry("recentFrom", "2026-02-06T00:00:00Z")
                .containsEntry("recentTo", "2026-02-13T00:00:00Z");
        assertThat(open.get(0).getSummary()).isEqualTo("Logins fell to 6 in 7 days vs 14/wk baseline");
    }

    @Test
    void shouldNotOpenWhenBaselineIsBelowMinimum() {
        final Scenario s = Scenario.defaults();
        for (int d = 0; d < 35; d += 2) {
            s.logins(Scenario.at(d, 12), 1);
        }

        s.advanceTo(day(45));

        assertThat(s.alerts(ChurnSignal.LOGIN_DECLINE)).isEmpty();
    }

    @Test
    void shouldStayOpenWithoutNewRecordsWhenRatioIsBetweenOpenAndResolveThresholds() {
        final Scenario s = steadyThenStop();
        s.advanceTo(day(38));
        for (int d = 39; d <= 44; d++) {
            s.logins(at(d, 12), 1);
        }
        s.logins(at(45, 12), 2);

        assertThat(ratioAt(s, 45)).isGreaterThan(0.5).isLessThan(0.75);
        assertThat(s.alerts(ChurnSignal.LOGIN_DECLINE, AlertStatus.RESOLVED)).isEmpty();
        assertThat(s.alerts(ChurnSignal.LOGIN_DECLINE)).extracting(ChurnRiskAlert::getAlertId).containsOnly(
                s.alerts(ChurnSignal.LOGIN_DECLINE).get(0).getAlertId());
    }

    @Test
    void shouldResolveWithSameAlertIdWhenRecentLoginsReachResolveRatio() {
        final Scenario s = steadyThenStop();
        s.advanceTo(day(39));

        s.logins(at(39, 12), 5);
        s.logins(at(40, 12), 5);

        // day 40 12:00: the last 7 x 24 h = half of day 33 + day 34 + days 39, 40 = 1 + 2 + 5 + 5 = 13 vs 14/wk
        final List<ChurnRiskAlert> alerts = s.alerts(ChurnSignal.LOGIN_DECLINE);
        final ChurnRiskAlert resolved = alerts.get(alerts.size() - 1);
        assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.getAlertId()).isEqualTo(alerts.get(0).getAlertId());
        assertThat(resolved.getEventTime()).isEqualTo(at(40, 12));
        assertThat(resolved.getSummary()).startsWith("Logins recovered to 13");
    }

    @Test
    void shouldReopenOnlyAtCooldownEndWhenDeclineReturnsDuringCooldown() {
        final Scenario s = Scenario.with(Map.of("alert.cooldown.days", 10));
        s.dailyLogins(0, 35, 2);
        s.advanceTo(day(39));
        s.logins(at(39, 12), 5);
        s.logins(at(40, 12), 5);
        s.logins(at(41, 12), 5);

        // the decline is back, but the episode resolved at day 40 12:00 cools down until day 50 12:00
        s.advanceTo(at(50, 11));
        assertThat(ratioAt(s, 50)).isLessThanOrEqualTo(0.5);
        assertThat(s.alerts(ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN)).extracting(ChurnRiskAlert::getOpenedAt)
                .containsOnly(day(39));

        s.advanceTo(day(55));

        final List<ChurnRiskAlert> open = s.alerts(ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN);
        assertThat(open).extracting(ChurnRiskAlert::getOpenedAt).containsOnly(day(39), at(50, 12));
        assertThat(open.get(open.size() - 1).getAlertId()).isNotEqualTo(open.get(0).getAlertId());
    }
}
