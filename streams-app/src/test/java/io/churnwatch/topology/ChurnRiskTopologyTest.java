package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.login;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.signals.AlertReason;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The default alert grouping through the whole topology: a cohort of 25 accounts (the default minimum is 20) of
 * which one stops using the product; the cohort's figures live in the {@code cohort-stats} store.
 */
class ChurnRiskTopologyTest {

    private static final int ACTIVE = 24;

    @Test
    void shouldOpenOneChurnRiskAlertOnlyForTheAccountThatFallsBehindItsCohort() {
        try (PipelineDriver pipeline = PipelineDriver.grouped(Map.of())) {
            cohortWithOneQuietAccount(pipeline, 40);

            final List<TestRecord<String, ChurnRiskAlert>> alerts = pipeline.alertRecords();

            assertThat(alerts).extracting(TestRecord::key).containsOnly("quiet");
            assertThat(alerts).extracting(r -> r.value().getSignal()).containsOnly(ChurnSignal.CHURN_RISK);
            assertThat(alerts).extracting(r -> r.value().getAlertId()).containsOnly(alerts.get(0).value().getAlertId());
            assertThat(alerts.get(0).value().getStatus()).isEqualTo(AlertStatus.OPEN);
            assertThat(alerts.get(0).value().getReasons()).extracting(AlertReason::getSignal)
                    .contains(ChurnSignal.COHORT_LAG);
        }
    }

    @Test
    void shouldKeepTheCohortInItsStoreWhenAccountsAreProcessed() {
        try (PipelineDriver pipeline = PipelineDriver.grouped(Map.of())) {
            cohortWithOneQuietAccount(pipeline, 3);

            assertThat(pipeline.cohortKeys()).containsExactly("segment:LOW_TOUCH");
        }
    }

    @Test
    void shouldWriteByteIdenticalAlertsWhenTheSameHistoryRunsTwice() {
        final List<byte[]> first;
        try (PipelineDriver pipeline = PipelineDriver.grouped(Map.of())) {
            cohortWithOneQuietAccount(pipeline, 40);
            first = pipeline.rawOutputs(pipeline.topics.alerts().name()).stream().map(TestRecord::value).toList();
        }
        try (PipelineDriver pipeline = PipelineDriver.grouped(Map.of())) {
            cohortWithOneQuietAccount(pipeline, 40);
            assertThat(pipeline.rawOutputs(pipeline.topics.alerts().name())).extracting(TestRecord::value)
                    .isNotEmpty().containsExactlyElementsOf(first);
        }
    }

    /** Day 0 everybody logs in; from day 1 on, all but "quiet" log in every day until {@code days}. */
    private static void cohortWithOneQuietAccount(final PipelineDriver pipeline, final int days) {
        pipeline.send(login("quiet", at(0, 8)));
        for (int d = 0; d < days; d++) {
            for (int a = 0; a < ACTIVE; a++) {
                pipeline.send(login("active-" + a, at(d, 9)));
            }
        }
    }
}
