package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.day;
import static io.churnwatch.topology.Events.logins;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthComponent;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LOGIN_DECLINE through the whole topology. The account logs in twice a day at noon on days 0-34 (14 a week)
 * and then stops; with the default 7-day recent and 28-day baseline windows, its recent/baseline ratio is 0.57
 * at day 38 00:00 and 0.43 at day 39 00:00, so the decline opens at the day-39 deadline.
 */
class LoginDeclineTopologyTest {

    private static final String ACCOUNT = "decliner";

    private PipelineDriver pipeline = PipelineDriver.withDefaults();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void steadyThenStop() {
        for (int d = 0; d < 35; d++) {
            pipeline.send(logins(ACCOUNT, at(d, 12), 2));
        }
    }

    private List<ChurnRiskAlert> declines() {
        return pipeline.alerts().stream()
                .filter(a -> a.getAccountId().equals(ACCOUNT) && a.getSignal() == ChurnSignal.LOGIN_DECLINE)
                .toList();
    }

    @Test
    void shouldOpenThroughTheSweepWhenTheDecliningAccountSendsNothing() {
        steadyThenStop();

        pipeline.advanceStreamTime(day(40));

        final List<TestRecord<String, ChurnRiskAlert>> records = pipeline.alertRecords().stream()
                .filter(r -> r.key().equals(ACCOUNT) && r.value().getSignal() == ChurnSignal.LOGIN_DECLINE).toList();
        assertThat(records).hasSize(1);
        final ChurnRiskAlert open = records.get(0).value();
        assertThat(open.getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(open.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(open.getOpenedAt()).isEqualTo(day(39));
        assertThat(records.get(0).getRecordTime()).isEqualTo(day(39));
        assertThat(open.getEvidence()).containsEntry("loginsRecentCount", "6")
                .containsEntry("loginsBaselinePerWeek", "14");
    }

    @Test
    void shouldNotFlapWhenTheRatioHoversBetweenOpenAndResolveRatios() {
        steadyThenStop();
        // Ratio after each step: 0.43 (opens) 0.57 0.50 0.64 0.57 0.43 0.44 0.46 0.63 0.64 0.67 0.41.
        pipeline.send(logins(ACCOUNT, at(39, 12), 3));
        pipeline.send(logins(ACCOUNT, at(40, 12), 3));
        pipeline.send(logins(ACCOUNT, at(44, 12), 2));
        pipeline.advanceStreamTime(at(47, 6));

        final List<ChurnRiskAlert> declines = declines();
        assertThat(declines).extracting(ChurnRiskAlert::getStatus).containsExactly(AlertStatus.OPEN);
        // The usage_trend component is 100 x the same ratio: it did cross 50 up and down more than once.
        final List<Double> trend = usageTrend(pipeline.healthUpdates());
        assertThat(trend).allMatch(score -> score < 75).anyMatch(score -> score > 60).anyMatch(score -> score < 45);
        assertThat(trend.get(trend.size() - 1)).isLessThan(50);
    }

    @Test
    void shouldResolveWithTheSameAlertIdWhenLoginsRecover() {
        steadyThenStop();
        pipeline.advanceStreamTime(day(39));

        pipeline.send(logins(ACCOUNT, at(39, 12), 5));
        pipeline.send(logins(ACCOUNT, at(40, 12), 5));

        // day 40 12:00: the last 7 x 24 h hold half of day 33, day 34 and days 39-40: 13 logins vs 14 a week.
        final List<ChurnRiskAlert> declines = declines();
        assertThat(declines).extracting(ChurnRiskAlert::getStatus)
                .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
        assertThat(declines.get(1).getAlertId()).isEqualTo(declines.get(0).getAlertId());
        assertThat(declines.get(1).getOpenedAt()).isEqualTo(day(39));
        assertThat(declines.get(1).getEventTime()).isEqualTo(at(40, 12));
    }

    @Test
    void shouldReopenOnlyWhenTheCooldownEndsWhenTheDeclineReturnsDuringIt() {
        pipeline.close();
        pipeline = PipelineDriver.with(Map.of("alert.cooldown.days", 10));
        steadyThenStop();
        pipeline.advanceStreamTime(day(39));
        for (int d = 39; d <= 41; d++) {
            pipeline.send(logins(ACCOUNT, at(d, 12), 5));
        }

        // Resolved at day 40 12:00; the decline is back within days, but the cooldown lasts until day 50 12:00.
        pipeline.advanceStreamTime(day(55));

        final List<ChurnRiskAlert> declines = declines();
        assertThat(declines).extracting(ChurnRiskAlert::getStatus)
                .containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED, AlertStatus.OPEN);
        assertThat(declines).extracting(ChurnRiskAlert::getEventTime)
                .containsExactly(day(39), at(40, 12), at(50, 12));
        assertThat(declines.get(2).getAlertId()).isNotEqualTo(declines.get(0).getAlertId());
    }

    private static List<Double> usageTrend(final List<HealthScoreUpdate> updates) {
        return updates.stream()
                .filter(u -> u.getAccountId().equals(ACCOUNT) && !u.getAsOf().isBefore(day(39)))
                .flatMap(u -> u.getComponents().stream())
                .filter(c -> c.getName().equals("usage_trend"))
                .map(HealthComponent::getScore).toList();
    }
}
