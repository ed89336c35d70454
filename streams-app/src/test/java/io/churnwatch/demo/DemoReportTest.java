package io.churnwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.events.Segment;
import io.churnwatch.generate.Archetype;
import io.churnwatch.generate.GroundTruth;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoReportTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final int NO_LIMIT = 100;

    private static ChurnRiskAlert alert(final String account, final ChurnSignal signal, final AlertStatus status,
                                       final Severity severity, final Instant openedAt) {
        return ChurnRiskAlert.newBuilder()
                .setAlertId(account + "/" + signal + "/" + openedAt)
                .setAccountId(account)
                .setSignal(signal)
                .setStatus(status)
                .setSeverity(severity)
                .setEvidence(Map.of())
                .setSummary(signal + " " + status)
                .setSegment(Segment.HIGH_TOUCH)
                .setPlay("call")
                .setMrrAtRiskCents(50_000)
                .setOpenedAt(openedAt)
                .setEventTime(openedAt)
                .setScoringVersion("v1")
                .build();
    }

    private static ChurnRiskAlert open(final String account, final ChurnSignal signal, final Instant openedAt) {
        return alert(account, signal, AlertStatus.OPEN, Severity.MEDIUM, openedAt);
    }

    private static HealthScoreUpdate health(final String account, final int score, final HealthBand band,
                                            final Instant asOf) {
        return HealthScoreUpdate.newBuilder()
                .setAccountId(account)
                .setScore(score)
                .setBand(band)
                .setComponents(List.of())
                .setTopDriver("usage_trend")
                .setAsOf(asOf)
                .setScoringVersion("v1")
                .build();
    }

    private static GroundTruth churner(final String account, final Instant requestedAt) {
        return new GroundTruth(account, Segment.LOW_TOUCH, Archetype.CHURNING, requestedAt.minus(Duration.ofDays(30)),
                requestedAt, requestedAt.plus(Duration.ofDays(14)), Set.of(ChurnSignal.CANCELLATION_REQUESTED));
    }

    private static GroundTruth healthy(final String account) {
        return new GroundTruth(account, Segment.LOW_TOUCH, Archetype.HEALTHY, null, null, null, Set.of());
    }

    private static DemoReport alertsOnly(final List<ChurnRiskAlert> alerts, final List<GroundTruth> truth) {
        return DemoReport.of(alerts, List.of(), truth, NO_LIMIT);
    }

    @Test
    void shouldCountAnEpisodeOnceWhenItsAlertIdIsEmittedSeveralTimes() {
        final ChurnRiskAlert opened = open("a", ChurnSignal.SILENCE, T0);

        final DemoReport report = alertsOnly(List.of(opened, opened,
                alert("a", ChurnSignal.SILENCE, AlertStatus.RESOLVED, Severity.MEDIUM, T0)), List.of());

        assertThat(report.episodes()).containsExactly(Map.entry(ChurnSignal.SILENCE, Map.of(Severity.MEDIUM, 1)));
    }

    @Test
    void shouldCountAnEpisodeAtItsHighestSeverityWhenItsSeverityWasRaised() {
        final DemoReport report = alertsOnly(List.of(
                alert("a", ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN, Severity.MEDIUM, T0),
                alert("a", ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN, Severity.HIGH, T0),
                alert("b", ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN, Severity.HIGH, T0),
                alert("b", ChurnSignal.LOGIN_DECLINE, AlertStatus.OPEN, Severity.LOW, T0)), List.of());

        assertThat(report.episodes()).containsExactly(
                Map.entry(ChurnSignal.LOGIN_DECLINE, Map.of(Severity.HIGH, 2)));
    }

    @Test
    void shouldCountEpisodesPerSignalWhenAnAccountHasSeveral() {
        final DemoReport report = alertsOnly(List.of(open("a", ChurnSignal.SILENCE, T0),
                open("a", ChurnSignal.SILENCE, T0.plus(Duration.ofDays(20))),
                alert("a", ChurnSignal.PAYMENT_FAILED, AlertStatus.OPEN, Severity.CRITICAL, T0)), List.of());

        assertThat(report.episodes()).containsOnly(Map.entry(ChurnSignal.SILENCE, Map.of(Severity.MEDIUM, 2)),
                Map.entry(ChurnSignal.PAYMENT_FAILED, Map.of(Severity.CRITICAL, 1)));
    }

    @Test
    void shouldPlaceEachAccountInTheBandOfItsLatestUpdateWhenUpdatesArriveOutOfOrder() {
        final DemoReport report = DemoReport.of(List.of(), List.of(
                health("a", 40, HealthBand.AT_RISK, T0.plus(Duration.ofDays(2))),
                health("a", 90, HealthBand.HEALTHY, T0),
                health("b", 90, HealthBand.HEALTHY, T0),
                health("b", 60, HealthBand.NEUTRAL, T0.plus(Duration.ofDays(1)))), List.of(), NO_LIMIT);

        assertThat(report.bands()).containsOnly(Map.entry(HealthBand.AT_RISK, 1), Map.entry(HealthBand.NEUTRAL, 1));
    }

    @Test
    void shouldListTheLowestScoresFirstUpToTheLimitWhenRankingAtRiskAccounts() {
        final DemoReport report = DemoReport.of(List.of(), List.of(
                health("a", 45, HealthBand.AT_RISK, T0),
                health("b", 20, HealthBand.CRITICAL, T0),
                health("c", 65, HealthBand.NEUTRAL, T0),
                health("b", 35, HealthBand.AT_RISK, T0.plus(Duration.ofDays(1)))), List.of(), 2);

        assertThat(report.atRisk()).extracting(DemoReport.AtRiskAccount::accountId, DemoReport.AtRiskAccount::score)
                .containsExactly(tuple("b", 35), tuple("a", 45));
    }

    @Test
    void shouldLeaveAnAccountOutOfTheAtRiskListWhenItChurned() {
        final DemoReport report = DemoReport.of(
                List.of(alert("a", ChurnSignal.SILENCE, AlertStatus.CLOSED_CHURNED, Severity.HIGH, T0)),
                List.of(health("a", 10, HealthBand.CRITICAL, T0), health("b", 60, HealthBand.NEUTRAL, T0)),
                List.of(), NO_LIMIT);

        assertThat(report.atRisk()).extracting(DemoReport.AtRiskAccount::accountId).containsExactly("b");
    }

    @Test
    void shouldShowOnlyStillOpenSignalsWhenListingAnAtRiskAccount() {
        final DemoReport report = DemoReport.of(List.of(open("a", ChurnSignal.SILENCE, T0),
                        open("a", ChurnSignal.LOGIN_DECLINE, T0),
                        alert("a", ChurnSignal.SILENCE, AlertStatus.RESOLVED, Severity.MEDIUM, T0)),
                List.of(health("a", 40, HealthBand.AT_RISK, T0)), List.of(), NO_LIMIT);

        assertThat(report.atRisk()).singleElement().satisfies(account -> {
            assertThat(account.openSignals()).containsExactly(ChurnSignal.LOGIN_DECLINE);
            assertThat(account.segment()).isEqualTo(Segment.HIGH_TOUCH.name());
            assertThat(account.mrrAtRiskCents()).isEqualTo(50_000);
        });
    }

    @Test
    void shouldMeasureTheLeadTimeFromTheFirstAlertWhenAChurnerWasFlaggedBeforeItsRequest() {
        final Instant request = T0.plus(Duration.ofDays(30));

        final DemoReport report = alertsOnly(List.of(
                open("c", ChurnSignal.SILENCE, request.minus(Duration.ofDays(4))),
                open("c", ChurnSignal.LOGIN_DECLINE, request.minus(Duration.ofHours(10 * 24 + 12)))),
                List.of(churner("c", request), healthy("h")));

        assertThat(report.churners()).isEqualTo(1);
        assertThat(report.flaggedEarly()).isEqualTo(1);
        assertThat(report.leadTimesDays()).singleElement().isEqualTo(10.5);
    }

    @Test
    void shouldNotCountTheCancellationRequestedAlertWhenMeasuringLeadTimes() {
        final Instant request = T0.plus(Duration.ofDays(30));

        final DemoReport report = alertsOnly(List.of(
                open("c", ChurnSignal.CANCELLATION_REQUESTED, request.minus(Duration.ofDays(1)))),
                List.of(churner("c", request)));

        assertThat(report.churners()).isEqualTo(1);
        assertThat(report.flaggedEarly()).isZero();
        assertThat(report.leadTimesDays()).isEmpty();
    }

    @Test
    void shouldNotCountAChurnerAsFlaggedEarlyWhenItsFirstAlertCameAfterTheRequest() {
        final Instant request = T0.plus(Duration.ofDays(30));

        final DemoReport report = alertsOnly(List.of(open("c", ChurnSignal.SILENCE, request.plus(Duration.ofDays(2)))),
                List.of(churner("c", request)));

        assertThat(report.flaggedEarly()).isZero();
    }

    @Test
    void shouldTakeTheMeanOfTheTwoMiddleLeadTimesWhenTheirCountIsEven() {
        final Instant request = T0.plus(Duration.ofDays(30));
        final List<ChurnRiskAlert> alerts = List.of(
                open("a", ChurnSignal.SILENCE, request.minus(Duration.ofDays(10))),
                open("b", ChurnSignal.SILENCE, request.minus(Duration.ofDays(2))),
                open("c", ChurnSignal.SILENCE, request.minus(Duration.ofDays(8))),
                open("d", ChurnSignal.SILENCE, request.minus(Duration.ofDays(3))));

        final DemoReport report = alertsOnly(alerts, List.of(churner("a", request), churner("b", request),
                churner("c", request), churner("d", request)));

        assertThat(report.leadTimesDays()).containsExactly(2.0, 3.0, 8.0, 10.0);
        assertThat(report.medianLeadDays()).isCloseTo(5.5, within(1e-9));
    }

    @Test
    void shouldTakeTheMiddleLeadTimeWhenTheirCountIsOdd() {
        final Instant request = T0.plus(Duration.ofDays(30));
        final List<ChurnRiskAlert> alerts = List.of(
                open("a", ChurnSignal.SILENCE, request.minus(Duration.ofDays(9))),
                open("b", ChurnSignal.SILENCE, request.minus(Duration.ofDays(1))),
                open("c", ChurnSignal.SILENCE, request.minus(Duration.ofDays(4))));

        final DemoReport report = alertsOnly(alerts, List.of(churner("a", request), churner("b", request),
                churner("c", request)));

        assertThat(report.medianLeadDays()).isEqualTo(4.0);
    }

    @Test
    void shouldHaveNoMedianWhenNoChurnerWasFlaggedEarly() {
        assertThat(alertsOnly(List.of(), List.of(churner("c", T0))).medianLeadDays()).isNaN();
    }
}
