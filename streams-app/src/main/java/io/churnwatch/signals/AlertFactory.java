package io.churnwatch.signals;

import java.time.Instant;
import java.util.List;

/** Builds {@link ChurnRiskAlert} records from an evaluation, an episode and its explanation. */
final class AlertFactory {

    private final String scoringVersion;

    AlertFactory(final String scoringVersion) {
        this.scoringVersion = scoringVersion;
    }

    /** A record of a single-signal episode; its revision is the episode's (CLOSED_CHURNED: one more). */
    ChurnRiskAlert build(final Evaluation ev, final ChurnSignal signal, final Episode episode,
                         final AlertStatus status, final Explanation explanation) {
        return base(ev, signal, status, episode.severity(), episode.openedAt(), explanation)
                .setPlay(Plays.of(ev.segment(), ev.ownerId(), signal, status))
                .setRevision(status == AlertStatus.CLOSED_CHURNED ? episode.closingRevision() : episode.revision())
                .build();
    }

    /**
     * A record of the account's CHURN_RISK episode, whose play is the one of its first reason that holds now
     * ({@code lead}), or of CHURN_RISK itself when none does.
     */
    ChurnRiskAlert buildRisk(final Evaluation ev, final RiskEpisode episode, final AlertStatus status,
                             final int revision, final ChurnSignal lead, final List<AlertReason> reasons,
                             final Explanation explanation) {
        return base(ev, ChurnSignal.CHURN_RISK, status, episode.severity(), episode.openedAt(), explanation)
                .setPlay(Plays.of(ev.segment(), ev.ownerId(), lead, status))
                .setReasons(reasons)
                .setRevision(revision)
                .build();
    }

    private ChurnRiskAlert.Builder base(final Evaluation ev, final ChurnSignal signal, final AlertStatus status,
                                        final Severity severity, final long openedAt, final Explanation explanation) {
        final String accountId = ev.state().accountId();
        return ChurnRiskAlert.newBuilder()
                .setAlertId(AlertIds.of(accountId, signal, openedAt))
                .setAccountId(accountId)
                .setSignal(signal)
                .setStatus(status)
                .setSeverity(severity)
                .setHealthScore(ev.health() == null ? null : ev.health().score())
                .setEvidence(explanation.evidence())
                .setSummary(explanation.summary())
                .setSegment(ev.segment())
                .setOwnerId(ev.ownerId())
                .setMrrAtRiskCents(ev.state().billing().mrrCents())
                .setOpenedAt(Instant.ofEpochMilli(openedAt))
                .setEventTime(Instant.ofEpochMilli(ev.now()))
                .setScoringVersion(scoringVersion);
    }
}
