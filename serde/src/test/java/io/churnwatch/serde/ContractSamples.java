package io.churnwatch.serde;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.AlertReason;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.signals.HealthComponent;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-written output records with every kind of field of the contract filled, for serde and connector tests. */
public final class ContractSamples {

    private static final Instant OPENED = Instant.parse("2026-01-01T00:00:00Z");

    private ContractSamples() {
    }

    /** A CHURN_RISK episode of {@code accountId} at {@code revision}, with two reasons. */
    public static ChurnRiskAlert alert(final String accountId, final int revision, final AlertStatus status,
                                       final Severity severity) {
        return ChurnRiskAlert.newBuilder()
                .setAlertId("alert-" + accountId + "-CHURN_RISK-" + OPENED.toEpochMilli()).setAccountId(accountId)
                .setSignal(ChurnSignal.CHURN_RISK).setStatus(status).setSeverity(severity)
                .setHealthScore(41).setEvidence(Map.of("daysWithoutUsage", "12", "cohortMeanDays", "2.5"))
                .setSummary("No usage for 12 days; the cohort's mean is 2.5").setSegment(Segment.HIGH_TOUCH)
                .setOwnerId(null).setPlay("Executive check-in within 48 h").setMrrAtRiskCents(129_900L)
                .setOpenedAt(OPENED).setEventTime(OPENED.plusSeconds(86_400L * revision)).setScoringVersion("v2")
                .setReasons(List.of(new AlertReason(ChurnSignal.COHORT_LAG, OPENED, "12 days quiet vs 2.5"),
                        new AlertReason(ChurnSignal.SILENCE, OPENED.plusSeconds(3_600), "no logins")))
                .setRevision(revision)
                .build();
    }

    /** A health update of {@code accountId} as of {@code asOf}. */
    public static HealthScoreUpdate health(final String accountId, final int score, final Instant asOf) {
        return HealthScoreUpdate.newBuilder()
                .setAccountId(accountId).setScore(score).setPreviousScore(null).setBand(HealthBand.AT_RISK)
                .setComponents(List.of(
                        new HealthComponent("usage_trend", 30.0, 0.4, 12.0, "logins 3/wk vs 11/wk baseline"),
                        new HealthComponent("support", 72.5, 0.35, 25.375, "2 open tickets")))
                .setTopDriver("usage_trend").setAsOf(asOf).setScoringVersion("v2")
                .build();
    }
}
