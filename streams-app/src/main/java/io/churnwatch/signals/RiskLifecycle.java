package io.churnwatch.signals;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.config.SignalsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The account's one CHURN_RISK episode (alert grouping ACCOUNT), fed by the behavioural signals that hold at an
 * evaluation (its reasons). Like a CRM's de-duplicated call-to-action, an account at risk has one open alert:
 * <ul>
 *   <li>It opens when an opening signal ({@code risk.open.signals}) has held for {@code risk.confirm.days}
 *       (CANCELLATION_INTENT at once), with every signal that holds then as its reasons.
 *   <li>While open, a new reason or a higher severity (the highest of the reasons that hold) is an update: an
 *       OPEN record with the same alertId and the next revision. The contact budget ({@code alert.contact.budget}
 *       OPEN records per {@code alert.contact.window.days}, across episodes) holds updates beyond it back; the
 *       next record that may go carries them.
 *   <li>It resolves after {@code risk.resolve.days} without any opening signal, and cannot reopen during the
 *       cooldown ({@code alert.cooldown.days}); CLOSED_CHURNED when the account cancels.
 * </ul>
 * Reasons that held earlier in the episode stay in its records, marked as no longer holding.
 */
final class RiskLifecycle {

    /** A behavioural signal that holds at an evaluation. */
    record Reason(SignalRule rule, long since, Severity severity) {
        ChurnSignal signal() {
            return rule.signal();
        }
    }

    private final RiskConfig risk;
    private final long cooldownMillis;
    private final AlertFactory alerts;

    RiskLifecycle(final SignalsConfig config, final AlertFactory alerts) {
        this.risk = config.risk();
        this.cooldownMillis = config.cooldownDays() * Days.MILLIS;
        this.alerts = alerts;
    }

    /**
     * Applies the reasons that hold at {@code ev}, appending any record to {@code out}.
     *
     * @return the next time the episode can change without new input, or {@link Days#NONE}
     */
    long step(final Evaluation ev, final List<Reason> holding, final List<ChurnRiskAlert> out) {
        final RiskEpisode episode = ev.state().risk();
        final long now = ev.now();
        boolean opening = false;
        long confirmedAt = Long.MAX_VALUE;
        Severity severity = null;
        for (final Reason reason : holding) {
            if (risk.opens(reason.signal())) {
                opening = true;
                confirmedAt = Math.min(confirmedAt, reason.since() + risk.confirmDays(reason.signal()) * Days.MILLIS);
            }
            severity = severity == null || Severities.higher(reason.severity(), severity) ? reason.severity()
                    : severity;
        }
        if (episode.isOpen()) {
            return stepOpen(ev, episode, holding, opening, severity, out);
        }
        if (!opening) {
            return Days.NONE;
        }
        final long earliest = Math.max(confirmedAt,
                episode.everOpened() ? episode.resolvedAt() + cooldownMillis : Long.MIN_VALUE);
        if (now < earliest) {
            return earliest;
        }
        final long allowed = episode.nextContactAllowed(now, risk.contactBudget(), windowMillis());
        if (allowed > now) {
            return allowed;
        }
        episode.open(now, severity, since(holding));
        episode.contacted(now, risk.contactBudget());
        out.add(record(ev, episode, AlertStatus.OPEN, 0, holding));
        return Days.NONE;
    }

    private long stepOpen(final Evaluation ev, final RiskEpisode episode, final List<Reason> holding,
                          final boolean opening, final Severity severity, final List<ChurnRiskAlert> out) {
        final long now = ev.now();
        if (opening) {
            episode.active(now);
        } else if (now >= episode.lastActiveAt() + risk.resolveDays() * Days.MILLIS) {
            episode.addReasons(since(holding));
            episode.resolve(now);
            out.add(record(ev, episode, AlertStatus.RESOLVED, episode.nextRevision(), holding));
            return Days.NONE;
        }
        boolean changed = episode.addReasons(since(holding));
        if (severity != null && Severities.higher(severity, episode.severity())) {
            episode.escalate(severity);
            changed = true;
        }
        if (changed) {
            episode.pending(true);
        }
        long next = opening ? Days.NONE : episode.lastActiveAt() + risk.resolveDays() * Days.MILLIS;
        if (episode.pending()) {
            final long allowed = episode.nextContactAllowed(now, risk.contactBudget(), windowMillis());
            if (allowed <= now) {
                episode.pending(false);
                episode.contacted(now, risk.contactBudget());
                out.add(record(ev, episode, AlertStatus.OPEN, episode.nextRevision(), holding));
            } else {
                next = next == Days.NONE ? allowed : Math.min(next, allowed);
            }
        }
        return next;
    }

    /** Emits CLOSED_CHURNED for an open episode and forgets the episode, its reasons and its contacts. */
    void closeAll(final Evaluation ev, final long churnedMrrCents, final Explanation why,
                  final List<ChurnRiskAlert> out) {
        final RiskEpisode episode = ev.state().risk();
        if (episode.isOpen()) {
            final ChurnRiskAlert closed = alerts.buildRisk(ev, episode, AlertStatus.CLOSED_CHURNED,
                    episode.nextRevision(), ChurnSignal.CHURN_RISK, reasons(episode, Map.of()), why);
            closed.setMrrAtRiskCents(churnedMrrCents);
            out.add(closed);
        }
        ev.state().clearRisk();
    }

    private ChurnRiskAlert record(final Evaluation ev, final RiskEpisode episode, final AlertStatus status,
                                  final int revision, final List<Reason> holding) {
        final Explanation.Builder evidence = Explanation.builder();
        final Map<ChurnSignal, String> summaries = new EnumMap<>(ChurnSignal.class);
        for (final Reason reason : holding) {
            final Explanation why = reason.rule().explain(ev, AlertStatus.OPEN);
            final String prefix = reason.signal().name().toLowerCase(Locale.ROOT) + ".";
            why.evidence().forEach((key, value) -> evidence.put(prefix + key, value));
            summaries.put(reason.signal(), why.summary());
        }
        evidence.put("reasons", episode.reasons().size()).put("holding", holding.size());
        final String summary = status == AlertStatus.RESOLVED
                ? "Churn risk cleared: no opening signal for " + risk.resolveDays() + " days"
                : "Churn risk: " + String.join("; ", summaries.values());
        // The play follows the signal that opened (or keeps open) the episode, not a supporting one.
        final ChurnSignal lead = holding.stream().map(Reason::signal).filter(risk::opens).findFirst()
                .orElse(holding.isEmpty() ? ChurnSignal.CHURN_RISK : holding.get(0).signal());
        return alerts.buildRisk(ev, episode, status, revision, lead, reasons(episode, summaries),
                evidence.summary(summary));
    }

    /**
     * Every reason of the episode, earliest first, with the summary of those that hold now; the others say
     * when they held from.
     */
    private static List<AlertReason> reasons(final RiskEpisode episode, final Map<ChurnSignal, String> holding) {
        final List<AlertReason> list = new ArrayList<>(episode.reasons().size());
        episode.reasons().entrySet().stream()
                .sorted(Map.Entry.<ChurnSignal, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> list.add(new AlertReason(e.getKey(), Instant.ofEpochMilli(e.getValue()),
                        holding.getOrDefault(e.getKey(), "held from " + Days.iso(Days.of(e.getValue()))
                                + "; no longer holds"))));
        return list;
    }

    private static Map<ChurnSignal, Long> since(final List<Reason> holding) {
        final Map<ChurnSignal, Long> since = new EnumMap<>(ChurnSignal.class);
        for (final Reason reason : holding) {
            since.put(reason.signal(), reason.since());
        }
        return since;
    }

    private long windowMillis() {
        return risk.contactWindowDays() * Days.MILLIS;
    }
}
