package io.churnwatch.backtest;

import static io.churnwatch.backtest.Histories.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.ChurnSignal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final BacktestOptions OPTIONS = BacktestOptions.defaults();

    private static BacktestReport run(final Histories... accounts) {
        return Backtest.run(List.of(accounts).stream().map(Histories::build).toList(), OPTIONS);
    }

    @Test
    void shouldFlagAChurnerWhenAlertedExactlyTheLeadDaysBeforeItCancels() {
        final BacktestReport report = run(account("a", 20).open(ChurnSignal.SILENCE, 23).churnedOn(30));

        assertThat(report.overall().flagged()).isEqualTo(1);
    }

    @Test
    void shouldNotFlagAChurnerWhenAlertedLessThanTheLeadDaysBeforeItCancels() {
        final BacktestReport report = run(account("a", 20).open(ChurnSignal.SILENCE, 23.5).churnedOn(30));

        assertThat(report.overall().flagged()).isZero();
        assertThat(report.overall().churners()).isEqualTo(1);
    }

    @Test
    void shouldNotJudgeAnAccountWhenItCancelsBeforeTheMinimumTenure() {
        final BacktestReport report = run(account("a", 5).open(ChurnSignal.SILENCE, 1).churnedOn(13.9),
                account("b", 5).churnedOn(14));

        assertThat(report.churners()).isEqualTo(1);
    }

    @Test
    void shouldNotCountARetainedAccountsAlertWhenItComesAfterItsObservationEnds() {
        final BacktestReport report = run(account("r", 50).open(ChurnSignal.SILENCE, 60).retainedUntil(60));

        assertThat(report.overall().retainedAlerted()).isZero();
        assertThat(report.overall().openRecords()).isZero();
    }

    @Test
    void shouldNeitherCountAlertsNorAccountsWhenTheOutcomeIsOther() {
        final BacktestReport report = run(account("f", 50).open(ChurnSignal.SILENCE, 20));

        assertThat(report.churners()).isZero();
        assertThat(report.retained()).isZero();
        assertThat(report.openRecords()).isEqualTo(1);
    }

    @Test
    void shouldCountAChurnRiskAlertForEachOfItsReasonsWhenRowsArePerSignal() {
        final BacktestReport report = run(account("a", 20)
                .open(ChurnSignal.CHURN_RISK, 21, ChurnSignal.COHORT_LAG, ChurnSignal.SILENCE).churnedOn(40),
                account("r", 50).open(ChurnSignal.CHURN_RISK, 30, ChurnSignal.SILENCE).retainedUntil(60));

        assertThat(report.bySignal()).extracting(SignalRow::name, SignalRow::flagged, SignalRow::retainedAlerted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SILENCE", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("CHURN_RISK", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("COHORT_LAG", 1, 0));
    }

    @Test
    void shouldComputePrecisionRecallAndF1FromTheCounts() {
        final BacktestReport report = run(
                account("c1", 20).open(ChurnSignal.SILENCE, 21).churnedOn(40),
                account("c2", 20).open(ChurnSignal.SILENCE, 21).churnedOn(40),
                account("c3", 20).churnedOn(40),
                account("c4", 20).churnedOn(40),
                account("r1", 50).open(ChurnSignal.SILENCE, 30).retainedUntil(60),
                account("r2", 50).retainedUntil(60));

        final SignalRow all = report.overall();
        assertThat(all.recall()).isEqualTo(0.5);
        assertThat(all.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(all.retainedShare()).isEqualTo(0.5);
        assertThat(all.f1()).isCloseTo(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), within(1e-9));
    }

    @Test
    void shouldCountEveryOpenRecordPerRetainedAccountMonthWhenMeasuringTheLoad() {
        final BacktestReport report = run(account("r", 50).open(ChurnSignal.SILENCE, 10)
                .open(ChurnSignal.SILENCE, 20).resolved(ChurnSignal.SILENCE, 25).retainedUntil(60.875));

        assertThat(report.overall().openRecords()).isEqualTo(2);
        assertThat(report.overall().retainedMonths()).isCloseTo(2.0, within(1e-9));
        assertThat(report.overall().load()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldRaiseTheNaiveAlertOnlyWhenAGapIsLongerThanTheSilenceDays() {
        assertThat(Backtest.naiveAlerts(List.of(100L, 114L, 129L), 14, Histories.day(100_000)))
                .containsExactly(java.time.Instant.ofEpochMilli((114L + 15) * 86_400_000L),
                        java.time.Instant.ofEpochMilli((129L + 15) * 86_400_000L));
    }

    @Test
    void shouldFlagAChurnerByTheNaiveRuleWhenItWentQuietLongEnoughBeforeCancelling() {
        final BacktestReport report = run(account("quiet", 10).churnedOn(40), account("busy", 39).churnedOn(40));

        assertThat(report.naive().flagged()).isEqualTo(1);
    }

    @Test
    void shouldMeasureLeadTimesFromEachChurnersFirstAlert() {
        final BacktestReport report = run(
                account("a", 20).open(ChurnSignal.SILENCE, 10).open(ChurnSignal.COHORT_LAG, 30).churnedOn(40),
                account("b", 20).open(ChurnSignal.SILENCE, 36).churnedOn(40),
                account("c", 20).open(ChurnSignal.SILENCE, 20).churnedOn(40));

        assertThat(report.leadTimes().days()).containsExactly(4.0, 20.0, 30.0);
        assertThat(report.leadTimes().median()).isEqualTo(20.0);
        assertThat(report.leadTimes().q1()).isEqualTo(12.0);
    }

    @Test
    void shouldReportEachSegmentOnItsOwnWhenAccountsAreOfSeveralSegments() {
        final BacktestReport report = run(
                account("t", 20).segment(Segment.TECH_TOUCH).open(ChurnSignal.SILENCE, 21).churnedOn(40),
                account("h", 20).segment(Segment.HIGH_TOUCH).churnedOn(40));

        assertThat(report.bySegment()).extracting(SignalRow::name, SignalRow::flagged)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HIGH_TOUCH", 0),
                        org.assertj.core.groups.Tuple.tuple("TECH_TOUCH", 1));
    }
}
