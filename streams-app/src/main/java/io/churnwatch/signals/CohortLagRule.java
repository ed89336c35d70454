package io.churnwatch.signals;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.config.SignalsConfig;

/**
 * COHORT_LAG: the account has been without usage for {@code cohort.lag.days} longer than the accounts of its
 * cohort are on average ({@link Cohorts}): quiet while its peers are not. Silence against a fixed period calls
 * every account during a course break, a holiday or a quiet season; judged against the cohort, a quiet week
 * that everybody takes raises the bar with it. Needs the cohort's frozen mean of the day before yesterday
 * (grace included) and at least {@code cohort.min.members} members; without them (a small customer base, the
 * first days of a run) it falls back to the segment's SILENCE period, so a small deployment is not left without
 * the signal. Resolves on the next usage (or when the cohort falls as quiet). Severity MEDIUM, HIGH at twice
 * the lag (or period). Re-evaluated every day until HIGH, since the cohort's mean moves daily.
 */
final class CohortLagRule implements SignalRule {

    private final SignalsConfig config;
    private final RiskConfig risk;

    CohortLagRule(final SignalsConfig config) {
        this.config = config;
        this.risk = config.risk();
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.COHORT_LAG;
    }

    private static long daysSilent(final Evaluation ev) {
        return ev.day() - Days.of(ev.state().usage().lastUsageAt());
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        if (!ev.state().usage().hasUsage()) {
            return Verdict.INACTIVE;
        }
        final double behind = behind(ev);
        final double threshold = threshold(ev);
        final Severity base = behind >= 2.0 * threshold ? Severity.HIGH : Severity.MEDIUM;
        return Verdict.when(behind >= threshold, Severities.forAccount(base, ev, config.severityHighMrrCents()));
    }

    @Override
    public long nextChange(final Evaluation ev) {
        if (!ev.state().usage().hasUsage() || behind(ev) >= 2.0 * threshold(ev)) {
            return Days.NONE;
        }
        return Days.start(ev.day() + 1);
    }

    /**
     * Days the account is behind: beyond its cohort's mean days since last usage, or, without cohort figures
     * (fewer members than {@code cohort.min.members}, or the first days of a run), its days without usage.
     */
    private static double behind(final Evaluation ev) {
        return ev.cohort() == null ? daysSilent(ev) : daysSilent(ev) - ev.cohort().meanDaysSilent();
    }

    /** {@code cohort.lag.days} against a cohort; without one, the segment's SILENCE period. */
    private double threshold(final Evaluation ev) {
        return ev.cohort() == null ? config.silenceDays(ev.segment()) : risk.lagDays();
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final long last = ev.state().usage().lastUsageAt();
        final long silent = daysSilent(ev);
        final Explanation.Builder why = Explanation.builder().put("daysSilent", silent).time("lastSeenAt", last)
                .put("lagDays", risk.lagDays());
        if (ev.cohort() == null) {
            why.put("silenceDays", config.silenceDays(ev.segment()));
            return why.summary(status == AlertStatus.RESOLVED ? "Usage resumed on " + Days.iso(Days.of(last))
                    : "No usage for " + silent + " days (cohort too small to compare with)");
        }
        final double mean = ev.cohort().meanDaysSilent();
        why.put("cohortMeanDaysSilent", mean).put("cohortMembers", ev.cohort().members());
        return why.summary(status == AlertStatus.RESOLVED
                ? "Back in step with its cohort: last usage " + silent + " days ago, cohort average " + Fmt.num(mean)
                : "No usage for " + silent + " days while its cohort's " + ev.cohort().members()
                        + " accounts average " + Fmt.num(mean) + " days since their last usage");
    }
}
