package io.churnwatch.backtest;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Judges a pipeline's alerts against what became of the accounts: pure arithmetic, no I/O.
 *
 * <p>Definitions (those of the signal-quality issue, so figures compare): a churner is a CHURNED account that
 * cancelled at least {@code minTenureDays} after its first usage; it is flagged by an OPEN alert record at least
 * {@code leadDays} before it cancelled. A retained account is "ever alerted" by any OPEN record before the end of
 * its observation. Precision is flagged / (flagged + retained ever alerted); the alert load counts every OPEN
 * record of retained accounts per month they were observed. A row per signal counts the records concerning it
 * (their signal, or one of their reasons). The naive baseline "alerts" on the day after more than
 * {@code naiveSilenceDays} without usage. Health is judged by {@link HealthRankingMeter}.
 */
public final class Backtest {

    private static final double DAYS_PER_MONTH = 30.4375;
    /** A day in milliseconds: usage days and health snapshots are UTC days. */
    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final BacktestOptions options;
    private final List<Judged> judged = new ArrayList<>();

    /** An account that is a churner (date: when it cancelled) or retained (date: end of observation). */
    record Judged(AccountHistory account, boolean churner, Instant date) {
    }

    private Backtest(final List<AccountHistory> accounts, final BacktestOptions options) {
        this.options = options;
        for (final AccountHistory account : accounts) {
            final Outcome outcome = account.outcome();
            if (outcome.kind() == Outcome.Kind.CHURNED && account.firstUsage() != null
                    && !outcome.date().isBefore(account.firstUsage().plus(Duration.ofDays(options.minTenureDays())))) {
                judged.add(new Judged(account, true, outcome.date()));
            } else if (outcome.kind() == Outcome.Kind.RETAINED && outcome.date() != null) {
                judged.add(new Judged(account, false, outcome.date()));
            }
        }
    }

    public static BacktestReport run(final List<AccountHistory> accounts, final BacktestOptions options) {
        return new Backtest(accounts, options).report(accounts);
    }

    /**
     * Health weights under which the scores of the accounts' health updates would rank them best ({@link WeightFit}).
     *
     * @param components the health components, in the order of the updates' component scores
     * @param current    the weights the accounts were scored with, in the same order
     */
    public static WeightProposal proposeWeights(final List<AccountHistory> accounts, final BacktestOptions options,
                                                final List<String> components, final double[] current) {
        return WeightFit.propose(new Backtest(accounts, options).judged, options.horizonDays(), components, current);
    }

    private BacktestReport report(final List<AccountHistory> accounts) {
        final Set<ChurnSignal> signals = EnumSet.noneOf(ChurnSignal.class);
        long records = 0;
        long open = 0;
        for (final AccountHistory account : accounts) {
            for (final AlertPoint alert : account.alerts()) {
                records++;
                if (alert.status() == AlertStatus.OPEN) {
                    open++;
                    signals.add(alert.signal());
                    signals.addAll(alert.reasons());
                }
            }
        }
        final List<SignalRow> bySignal = new ArrayList<>();
        for (final ChurnSignal signal : signals) {
            bySignal.add(row(signal.name(), judged, alert -> alert.concerns(signal)));
        }
        final List<SignalRow> bySegment = new ArrayList<>();
        for (final Segment segment : Segment.values()) {
            final List<Judged> of = judged.stream().filter(j -> j.account().segment() == segment).toList();
            if (!of.isEmpty()) {
                bySegment.add(row(segment.name(), of, alert -> true));
            }
        }
        final int churners = (int) judged.stream().filter(Judged::churner).count();
        return new BacktestReport(options, accounts.size(), churners, judged.size() - churners, records, open,
                row("all signals", judged, alert -> true), bySignal, naive(), bySegment, leadTimes(),
                HealthRankingMeter.rank(judged, options.horizonDays()), scores(true), scores(false), null);
    }

    private SignalRow row(final String name, final List<Judged> of, final Predicate<AlertPoint> concerns) {
        return count(name, of, j -> j.account().alerts().stream()
                .filter(a -> a.status() == AlertStatus.OPEN && concerns.test(a)).map(AlertPoint::at).toList());
    }

    /** The naive baseline: an alert on the day after every gap of more than N days without usage. */
    private SignalRow naive() {
        final int n = options.naiveSilenceDays();
        return count("naive: no usage for " + n + " days", judged,
                j -> naiveAlerts(j.account().usageDays(), n, j.date()));
    }

    /** Counts a row from the times of each judged account's OPEN alerts ({@code alerts}). */
    private SignalRow count(final String name, final List<Judged> of, final Function<Judged, List<Instant>> alerts) {
        int churners = 0;
        int flagged = 0;
        int retained = 0;
        int alerted = 0;
        long openRecords = 0;
        double months = 0;
        for (final Judged j : of) {
            final List<Instant> times = alerts.apply(j);
            if (j.churner()) {
                churners++;
                final Instant by = j.date().minus(Duration.ofDays(options.leadDays()));
                flagged += times.stream().anyMatch(at -> !at.isAfter(by)) ? 1 : 0;
            } else {
                retained++;
                final long before = times.stream().filter(at -> at.isBefore(j.date())).count();
                openRecords += before;
                alerted += before > 0 ? 1 : 0;
                months += observedMonths(j);
            }
        }
        return SignalRow.of(name, churners, flagged, retained, alerted, openRecords, months);
    }

    private static double observedMonths(final Judged j) {
        final Instant from = j.account().firstUsage();
        return from == null || !from.isBefore(j.date()) ? 0
                : Duration.between(from, j.date()).toMillis() / (double) DAY_MILLIS / DAYS_PER_MONTH;
    }

    /** The starts of the days after each run of more than {@code n} days without usage, before {@code end}. */
    static List<Instant> naiveAlerts(final List<Long> usageDays, final int n, final Instant end) {
        final List<Instant> alerts = new ArrayList<>();
        for (int i = 0; i < usageDays.size(); i++) {
            final long day = usageDays.get(i);
            final boolean gap = i + 1 == usageDays.size() || usageDays.get(i + 1) - day > n;
            final Instant at = Instant.ofEpochMilli((day + n + 1) * DAY_MILLIS);
            if (gap && at.isBefore(end)) {
                alerts.add(at);
            }
        }
        return alerts;
    }

    private LeadTimes leadTimes() {
        final List<Double> days = new ArrayList<>();
        for (final Judged j : judged) {
            if (j.churner()) {
                j.account().alerts().stream().filter(a -> a.status() == AlertStatus.OPEN && a.at().isBefore(j.date()))
                        .map(AlertPoint::at).min(Instant::compareTo)
                        .ifPresent(first -> days.add(Duration.between(first, j.date()).toMillis() / (double) DAY_MILLIS));
            }
        }
        return LeadTimes.of(days);
    }

    /** Score histograms (ten bins) at lead days before the outcome date, of churners or of retained accounts. */
    private List<Integer> scores(final boolean churners) {
        final int[] bins = new int[10];
        for (final Judged j : judged) {
            if (j.churner() == churners) {
                HealthRankingMeter.scoreAt(j.account().health(), j.date().minus(Duration.ofDays(options.leadDays())))
                        .ifPresent(score -> bins[Math.min(9, score / 10)]++);
            }
        }
        return Arrays.stream(bins).boxed().toList();
    }
}
