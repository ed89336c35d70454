package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The raw 0-100 score and detail line of each health component, in {@link SignalsConfig#COMPONENTS} order;
 * {@code null} for a component without data (its weight is then redistributed by {@link HealthScorer}).
 * <ul>
 *   <li>usage_trend: recent logins/week over the baseline's (100 at or above baseline); needs a login baseline.
 *   <li>recency: 100 when used today, falling linearly to 0 at the segment's silence days; needs any usage.
 *   <li>breadth: distinct features in the breadth window over the most ever seen in one window.
 *   <li>support: 100 minus penalties per recent ticket above the weekly baseline, per HIGH/URGENT ticket and per
 *       feature/discount request; needs any ticket event.
 *   <li>billing: 100 minus penalties for an unpaid failure, a recent downgrade, a pending cancellation request;
 *       needs any billing event.
 * </ul>
 * Every evaluation computes the scores, but a detail line is only read when a health update is emitted, so it is
 * formatted then, from the figures captured with the score. Lines are concatenated rather than formatted with
 * {@code String.format}, which looks up locale data for every integer: concatenation prints an integer as
 * {@code %d} does under {@code Locale.ROOT}, so the text is the same at a fraction of the cost.
 */
final class HealthComponents {

    /** Raw score of one component, with its detail line built on first request. */
    record Raw(double score, Supplier<String> detail) {
        Raw {
            score = Math.max(0, Math.min(100, score));
        }
    }

    private final SignalsConfig config;

    HealthComponents(final SignalsConfig config) {
        this.config = config;
    }

    /** The components at {@code now}, from the account's {@code trends} at that time. */
    Raw[] score(final AccountState state, final long now, final Segment segment, final Trends trends) {
        final long today = Days.of(now);
        return new Raw[] {usageTrend(trends.logins()), recency(state, now, segment), breadth(state, today),
            support(state, trends.tickets()), billing(state, now)};
    }

    private Raw usageTrend(final Trend t) {
        if (t.baseline() == 0) {
            return null;
        }
        return new Raw(100 * t.ratio(), () -> "logins " + Fmt.num(t.recentPerWeek()) + "/wk vs "
                + Fmt.num(t.baselinePerWeek()) + "/wk baseline");
    }

    /** Full marks within a day of the last usage (24 h, not the calendar day), then down to 0 at silence. */
    private Raw recency(final AccountState state, final long now, final Segment segment) {
        if (!state.usage().hasUsage()) {
            return null;
        }
        final long days = Math.max(0, now - state.usage().lastUsageAt()) / Days.MILLIS;
        final int silence = config.silenceDays(segment);
        return new Raw(100.0 * (silence - days) / silence,
                () -> days == 0 ? "used in the last 24 h" : "last usage " + days + " days ago");
    }

    private Raw breadth(final AccountState state, final long today) {
        final int distinct = state.usage().distinctFeaturesSince(today - config.breadthDays() + 1);
        final int max = state.usage().maxBreadth();
        if (max == 0) {
            return null;
        }
        return new Raw(100.0 * distinct / max,
                () -> distinct + " of up to " + max + " features in " + config.breadthDays() + " days");
    }

    private Raw support(final AccountState state, final Trend t) {
        final SupportFacts support = state.support();
        if (!support.hasTickets()) {
            return null;
        }
        final long urgent = support.urgent().sum(t.splitDay(), t.toDay());
        final long requests = support.requests().sum(t.splitDay(), t.toDay());
        final double excess = Math.max(0, t.recentPerWeek() - t.baselinePerWeek());
        final SignalsConfig.Penalties penalties = config.penalties();
        final double score = 100 - penalties.supportTicket() * excess - penalties.supportUrgent() * urgent
                - penalties.supportRequest() * requests;
        return new Raw(score, () -> Fmt.num(t.recent()) + " tickets in " + t.recentDays() + " days vs "
                + Fmt.num(t.baselinePerWeek()) + "/wk baseline, " + urgent + " urgent, " + requests + " requests");
    }

    private Raw billing(final AccountState state, final long now) {
        final BillingFacts billing = state.billing();
        if (!billing.seen()) {
            return null;
        }
        final boolean unpaid = billing.paymentPending();
        final boolean downgraded = billing.downgradeActive(now, config.downgradeResolveDays());
        final boolean cancelling = billing.cancellationPending();
        final SignalsConfig.Penalties penalties = config.penalties();
        final double score = 100 - (unpaid ? penalties.billingPaymentFailed() : 0)
                - (downgraded ? penalties.billingDowngrade() : 0)
                - (cancelling ? penalties.billingCancellationRequested() : 0);
        return new Raw(score, () -> billingIssues(unpaid, downgraded, cancelling));
    }

    private static String billingIssues(final boolean unpaid, final boolean downgraded, final boolean cancelling) {
        final List<String> issues = new ArrayList<>(3);
        if (unpaid) {
            issues.add("payment failure unpaid");
        }
        if (downgraded) {
            issues.add("recent downgrade");
        }
        if (cancelling) {
            issues.add("cancellation requested");
        }
        return issues.isEmpty() ? "no billing issues" : String.join(", ", issues);
    }
}
