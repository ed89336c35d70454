package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * LOGIN_DECLINE: logins of the recent window (default 7 days) against the weekly average of the baseline window
 * before it (default 28 days). Opens when the baseline is at least {@code login.decline.min.baseline.per.week}
 * and recent/baseline is at most {@code login.decline.open.ratio}; stays open until the ratio reaches
 * {@code login.decline.resolve.ratio}. An account that stopped logging in altogether keeps its decline open (a
 * ratio of 0) until logins resume. Severity MEDIUM, HIGH at half the open ratio or below.
 */
final class LoginDeclineRule implements SignalRule {

    private final SignalsConfig.LoginDecline login;
    private final long highMrrCents;

    LoginDeclineRule(final SignalsConfig config) {
        this.login = config.loginDecline();
        this.highMrrCents = config.severityHighMrrCents();
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.LOGIN_DECLINE;
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        final Trend trend = ev.trends().logins();
        final boolean active = currentlyOpen
                ? trend.ratio() < login.resolveRatio()
                : trend.baselinePerWeek() >= login.minBaselinePerWeek()
                        && trend.ratio() <= login.openRatio();
        final Severity base = trend.ratio() <= login.openRatio() / 2 ? Severity.HIGH : Severity.MEDIUM;
        return Verdict.when(active, Severities.forAccount(base, ev, highMrrCents));
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final Trend trend = ev.trends().logins();
        final String verb = status == AlertStatus.RESOLVED ? "recovered" : "fell";
        return trend.describe(Explanation.builder(), "logins").summary(String.format(Locale.ROOT,
                "Logins %s to %s in %d days vs %s/wk baseline", verb, Fmt.num(trend.recent()), trend.recentDays(),
                Fmt.num(trend.baselinePerWeek())));
    }
}
