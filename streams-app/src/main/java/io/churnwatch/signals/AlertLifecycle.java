package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The episode lifecycle of one (account, signal): IDLE -> OPEN -> RESOLVED (cooling down) -> IDLE.
 * <ul>
 *   <li>An episode opens when its rule becomes active, emitting one OPEN record; a condition that stays true
 *       emits nothing more, except that a rise in severity re-emits OPEN with the same alertId and openedAt
 *       (the severity never falls within an episode).
 *   <li>It resolves, emitting RESOLVED, when the rule (with its hysteresis) is no longer active.
 *   <li>After resolving, the signal cannot reopen before resolvedAt + {@code alert.cooldown.days}; if the
 *       condition holds at that time, the episode reopens then (the engine schedules that deadline).
 *   <li>{@link #closeAll} ends every open episode with CLOSED_CHURNED when the account cancels.
 * </ul>
 * The alertId is a name-based UUID of account, signal and openedAt, so a replay yields the same ids.
 */
final class AlertLifecycle {

    private final long cooldownMillis;
    private final AlertFactory alerts;

    AlertLifecycle(final SignalsConfig config, final AlertFactory alerts) {
        this.cooldownMillis = config.cooldownDays() * Days.MILLIS;
        this.alerts = alerts;
    }

    /**
     * Applies one rule at one evaluation, appending any record to {@code out}.
     *
     * @return the end of the cooldown when the condition holds during it (a deadline to re-check), else
     *         {@link Days#NONE}
     */
    long step(final SignalRule rule, final Evaluation ev, final List<ChurnRiskAlert> out) {
        final ChurnSignal signal = rule.signal();
        final Map<ChurnSignal, Episode> episodes = ev.state().episodes();
        final Episode episode = episodes.get(signal);
        final boolean open = episode != null && episode.isOpen();
        final Verdict verdict = rule.assess(ev, open);
        if (open) {
            if (!verdict.active()) {
                episode.resolve(ev.now());
                final Explanation why = rule.explain(ev, AlertStatus.RESOLVED);
                out.add(alerts.build(ev, signal, episode, AlertStatus.RESOLVED, why));
            } else if (Severities.higher(verdict.severity(), episode.severity())) {
                episode.escalate(verdict.severity());
                out.add(alerts.build(ev, signal, episode, AlertStatus.OPEN, rule.explain(ev, AlertStatus.OPEN)));
            }
            return Days.NONE;
        }
        if (episode != null) {
            final long cooldownEnds = episode.resolvedAt() + cooldownMillis;
            if (ev.now() < cooldownEnds) {
                return verdict.active() ? cooldownEnds : Days.NONE;
            }
            episodes.remove(signal);
        }
        if (verdict.active()) {
            final Episode opened = Episode.open(ev.now(), verdict.severity());
            episodes.put(signal, opened);
            out.add(alerts.build(ev, signal, opened, AlertStatus.OPEN, rule.explain(ev, AlertStatus.OPEN)));
        }
        return Days.NONE;
    }

    /**
     * Emits CLOSED_CHURNED for every open episode (in signal order) and forgets all episodes. The records carry
     * the MRR the account had before it cancelled ({@code churnedMrrCents}) as the MRR at risk.
     */
    void closeAll(final Evaluation ev, final long churnedMrrCents, final Explanation why,
                  final List<ChurnRiskAlert> out) {
        final Iterator<Map.Entry<ChurnSignal, Episode>> it = ev.state().episodes().entrySet().iterator();
        while (it.hasNext()) {
            final Map.Entry<ChurnSignal, Episode> entry = it.next();
            if (entry.getValue().isOpen()) {
                final ChurnRiskAlert closed = alerts.build(ev, entry.getKey(), entry.getValue(),
                        AlertStatus.CLOSED_CHURNED, why);
                closed.setMrrAtRiskCents(churnedMrrCents);
                out.add(closed);
            }
            it.remove();
        }
    }

    /** The explanation of the records that close an account's alerts when it cancels. */
    static Explanation cancelled(final long cancelledAt, final long churnedMrrCents) {
        return Explanation.builder().put("reason", "CANCELLED").time("cancelledAt", cancelledAt)
                .put("churnedMrrCents", churnedMrrCents)
                .summary("Account cancelled on " + Days.iso(Days.of(cancelledAt)) + "; alert closed");
    }
}
