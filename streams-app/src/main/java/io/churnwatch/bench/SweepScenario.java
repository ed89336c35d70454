package io.churnwatch.bench;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.generate.EventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The events of one silence-sweep measurement, in event time:
 * <ol>
 *   <li>{@code expiring} accounts log in once, {@code silence} before the measured window, spread so that their
 *       silence deadlines fall evenly in its first half;</li>
 *   <li>{@code tracked} accounts log in once between two hours and one hour before the window: tracked, but
 *       nothing of theirs falls due until the next midnight;</li>
 *   <li>ticks, logins of one more account, each advancing stream time by one sweep interval: the first half of the
 *       window has accounts expiring, the second half none;</li>
 *   <li>one tick after midnight, when every account's daily re-evaluation falls due at once.</li>
 * </ol>
 * The window starts at 06:00 UTC of {@code day} and must end before midnight.
 */
final class SweepScenario {

    private static final Duration WINDOW_OFFSET = Duration.ofHours(6);
    private static final String TICKER = "sweep-ticker";

    private final int tracked;
    private final int expiring;
    private final int ticks;
    private final Duration interval;
    private final Duration silence;
    private final Instant day;

    SweepScenario(final int tracked, final int expiring, final int ticks, final Duration interval,
                  final Duration silence, final Instant day) {
        if (interval.multipliedBy(ticks).compareTo(Duration.ofHours(17)) > 0) {
            throw new IllegalArgumentException("the measured sweeps must end before midnight: at most "
                    + Duration.ofHours(17).dividedBy(interval) + " ticks of " + interval);
        }
        this.tracked = tracked;
        this.expiring = expiring;
        this.ticks = ticks;
        this.interval = interval;
        this.silence = silence;
        this.day = day;
    }

    int expiringTicks() {
        return ticks / 2;
    }

    /** The accounts: the expiring ones first (oldest events), then the tracked ones. */
    void setup(final EventSink sink) {
        final Instant window = day.plus(WINDOW_OFFSET);
        final double spread = (double) interval.multipliedBy(expiringTicks()).toMillis() / expiring;
        for (int i = 0; i < expiring; i++) {
            sink.accept(login(String.format(Locale.ROOT, "expiring-%07d", i),
                    window.minus(silence).plusMillis((long) ((i + 0.5) * spread))));
        }
        final double step = (double) Duration.ofHours(1).toMillis() / tracked;
        final Instant from = window.minus(Duration.ofHours(2));
        for (int i = 0; i < tracked; i++) {
            sink.accept(login(String.format(Locale.ROOT, "tracked-%07d", i), from.plusMillis((long) (i * step))));
        }
    }

    /** Ticks {@code from} (1-based) to {@code to} inclusive, tick k at the window start plus k intervals. */
    void ticks(final int from, final int to, final EventSink sink) {
        for (int k = from; k <= to; k++) {
            sink.accept(login(TICKER, day.plus(WINDOW_OFFSET).plus(interval.multipliedBy(k))));
        }
    }

    /** The tick one interval after the next midnight. */
    void dayBoundary(final EventSink sink) {
        sink.accept(login(TICKER, day.plus(Duration.ofDays(1)).plus(interval)));
    }

    private static UsageEvent login(final String accountId, final Instant at) {
        return UsageEvent.newBuilder()
                .setEventId(accountId + "@" + at.toEpochMilli())
                .setAccountId(accountId)
                .setUserId(null)
                .setKind(UsageKind.LOGIN)
                .setFeature(null)
                .setQuantity(1)
                .setOccurredAt(at)
                .build();
    }
}
