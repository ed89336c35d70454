package io.churnwatch.signals;

import java.time.Instant;

/** Builds {@link ChurnRiskAlert} records from an evaluation, an episode and its explanation. */
final class AlertFactory {

    private final String scoringVersion;

    AlertFactory(final String scoringVersion) {
        this.scoringVersion = scoringVersion;
    }

    ChurnRiskAlert build(final Evaluation ev, final ChurnSignal signal, final Episode episode,
                         final AlertStatus status, final Explanation explanation) {
        final String accountId = ev.state().accountId();
        return ChurnRiskAlert.newBuilder()
                .setAlertId(episode.alertId(accountId, signal))
                .setAccountId(accountId)
                .setSignal(signal)
                .setStatus(status)
                .setSeverity(episode.severity())
                .setHealthScore(ev.health() == null ? null : ev.health().score())
                .setEvidence(explanation.evidence())
                .setSummary(explanation.summary())
                .setSegment(ev.segment())
                .setOwnerId(ev.ownerId())
                .setPlay(Plays.of(ev.segment(), ev.ownerId(), signal, status))
                .setMrrAtRiskCents(ev.state().billing().mrrCents())
                .setOpenedAt(Instant.ofEpochMilli(episode.openedAt()))
                .setEventTime(Instant.ofEpochMilli(ev.now()))
                .setScoringVersion(scoringVersion)
                .build();
    }
}
