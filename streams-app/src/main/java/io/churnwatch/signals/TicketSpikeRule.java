package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * TICKET_SPIKE: opened/reopened tickets of the recent window (default 7 days) against the weekly average of the
 * baseline window (default 28 days). Opens at {@code ticket.spike.min.count} tickets that are also
 * {@code ticket.spike.ratio} x the baseline (any count suffices without a baseline); stays open while the
 * looser {@code ticket.spike.resolve.count} / {@code .resolve.ratio} hold. Severity MEDIUM, HIGH at twice the
 * minimum count, one level more when the window holds feature or discount requests.
 */
final class TicketSpikeRule implements SignalRule {

    private final SignalsConfig.TicketSpike spike;
    private final long highMrrCents;

    TicketSpikeRule(final SignalsConfig config) {
        this.spike = config.ticketSpike();
        this.highMrrCents = config.severityHighMrrCents();
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.TICKET_SPIKE;
    }

    private long recentRequests(final Evaluation ev, final Trend trend) {
        return ev.state().support().requests().sum(trend.splitDay(), trend.toDay());
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        final Trend trend = ev.trends().tickets();
        final boolean active = currentlyOpen
                ? trend.recent() >= spike.resolveCount() && trend.ratio() >= spike.resolveRatio()
                : trend.recent() >= spike.minCount() && trend.ratio() >= spike.ratio();
        if (!active) {
            return Verdict.INACTIVE;
        }
        final Severity base = trend.recent() >= 2.0 * spike.minCount() ? Severity.HIGH : Severity.MEDIUM;
        final Severity withRequests = recentRequests(ev, trend) > 0 ? Severities.raise(base, 1) : base;
        return Verdict.active(Severities.forAccount(withRequests, ev, highMrrCents));
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final Trend trend = ev.trends().tickets();
        final String lead = status == AlertStatus.RESOLVED ? "Tickets back to" : "Ticket spike:";
        return trend.describe(Explanation.builder(), "tickets")
                .put("requestsRecentCount", recentRequests(ev, trend))
                .put("urgentRecentCount", ev.state().support().urgent().sum(trend.splitDay(), trend.toDay()))
                .summary(String.format(Locale.ROOT, "%s %s opened in %d days vs %s/wk baseline", lead,
                        Fmt.num(trend.recent()), trend.recentDays(), Fmt.num(trend.baselinePerWeek())));
    }
}
