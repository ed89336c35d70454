package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.util.Locale;

/**
 * SILENCE: an account that used the product before and has had no usage event for its segment's
 * {@code silence.days}. Fires through the deadline at last usage + silence days, since a silent account sends
 * nothing; resolves on the next usage. Severity MEDIUM, HIGH after twice the silence period.
 */
final class SilenceRule implements SignalRule {

    private final SignalsConfig config;

    SilenceRule(final SignalsConfig config) {
        this.config = config;
    }

    @Override
    public ChurnSignal signal() {
        return ChurnSignal.SILENCE;
    }

    private long silentFrom(final Evaluation ev, final int periods) {
        final UsageFacts usage = ev.state().usage();
        return usage.hasUsage() ? Days.plus(usage.lastUsageAt(), periods * config.silenceDays(ev.segment()))
                : Days.NONE;
    }

    @Override
    public Verdict assess(final Evaluation ev, final boolean currentlyOpen) {
        final long from = silentFrom(ev, 1);
        final Severity base = ev.now() >= silentFrom(ev, 2) ? Severity.HIGH : Severity.MEDIUM;
        return Verdict.when(from != Days.NONE && ev.now() >= from,
                Severities.forAccount(base, ev, config.severityHighMrrCents()));
    }

    @Override
    public long nextChange(final Evaluation ev) {
        final long first = silentFrom(ev, 1);
        return first > ev.now() ? first : silentFrom(ev, 2);
    }

    @Override
    public Explanation explain(final Evaluation ev, final AlertStatus status) {
        final long last = ev.state().usage().lastUsageAt();
        final long daysSilent = ev.day() - Days.of(last);
        final String lastDay = Days.iso(Days.of(last));
        final String summary = status == AlertStatus.RESOLVED ? "Usage resumed on " + lastDay
                : String.format(Locale.ROOT, "No usage for %d days (last seen %s)", daysSilent, lastDay);
        return Explanation.builder().put("daysSilent", daysSilent).time("lastSeenAt", last)
                .put("silenceDays", config.silenceDays(ev.segment())).summary(summary);
    }
}
