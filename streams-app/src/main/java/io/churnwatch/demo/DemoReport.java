package io.churnwatch.demo;

import io.churnwatch.generate.GroundTruth;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a customer-success lead wants to read after a run, computed from the output topics (and, for a
 * generated history, its answer key): alert episodes by signal and severity, the health-band distribution,
 * the most at-risk accounts, and how early churners were flagged. Pure: {@link DemoReportPrinter} formats it.
 *
 * @param episodes       alert episodes (distinct alert ids) by signal, then by their highest severity
 * @param bands          accounts by the band of their latest health update
 * @param atRisk         the lowest-scored accounts that have not churned, lowest first
 * @param churners       generated churners (0 without an answer key)
 * @param flaggedEarly   churners with an alert opened before their cancellation request
 * @param leadTimesDays  for each of those, days between the first such alert and the request, ascending
 */
public record DemoReport(Map<ChurnSignal, Map<Severity, Integer>> episodes, Map<HealthBand, Integer> bands,
                         List<AtRiskAccount> atRisk, int churners, int flaggedEarly, List<Double> leadTimesDays) {

    /** One line of the at-risk queue. */
    public record AtRiskAccount(String accountId, int score, HealthBand band, String topDriver, long mrrAtRiskCents,
                                String segment, List<ChurnSignal> openSignals) {
    }

    /** Builds the report; {@code truth} may be empty (replayed real data has no answer key). */
    public static DemoReport of(final List<ChurnRiskAlert> alerts, final List<HealthScoreUpdate> health,
                                final List<GroundTruth> truth, final int atRiskLimit) {
        final Map<String, HealthScoreUpdate> latest = new HashMap<>();
        health.forEach(h -> latest.merge(h.getAccountId(), h, (a, b) -> b.getAsOf().isBefore(a.getAsOf()) ? a : b));
        final Map<HealthBand, Integer> bands = new EnumMap<>(HealthBand.class);
        latest.values().forEach(h -> bands.merge(h.getBand(), 1, Integer::sum));
        final List<Double> leads = leadTimes(alerts, truth);
        return new DemoReport(episodes(alerts), bands, atRisk(alerts, latest, atRiskLimit), churnerCount(truth),
                leads.size(), leads);
    }

    private static Map<ChurnSignal, Map<Severity, Integer>> episodes(final List<ChurnRiskAlert> alerts) {
        final Map<String, ChurnRiskAlert> worst = new LinkedHashMap<>();
        alerts.stream().filter(a -> a.getStatus() == AlertStatus.OPEN).forEach(a -> worst.merge(a.getAlertId(), a,
                (x, y) -> y.getSeverity().ordinal() > x.getSeverity().ordinal() ? y : x));
        final Map<ChurnSignal, Map<Severity, Integer>> bySignal = new EnumMap<>(ChurnSignal.class);
        worst.values().forEach(a -> bySignal.computeIfAbsent(a.getSignal(), s -> new EnumMap<>(Severity.class))
                .merge(a.getSeverity(), 1, Integer::sum));
        return bySignal;
    }

    private static List<AtRiskAccount> atRisk(final List<ChurnRiskAlert> alerts,
                                              final Map<String, HealthScoreUpdate> latest, final int limit) {
        final Set<String> churned = new HashSet<>();
        final Map<String, Map<String, ChurnRiskAlert>> lastByEpisode = new HashMap<>();
        for (final ChurnRiskAlert alert : alerts) {
            if (alert.getStatus() == AlertStatus.CLOSED_CHURNED) {
                churned.add(alert.getAccountId());
            }
            lastByEpisode.computeIfAbsent(alert.getAccountId(), id -> new LinkedHashMap<>())
                    .put(alert.getAlertId(), alert);
        }
        return latest.values().stream()
                .filter(h -> !churned.contains(h.getAccountId()))
                .sorted(Comparator.comparingInt(HealthScoreUpdate::getScore)
                        .thenComparing(HealthScoreUpdate::getAccountId))
                .limit(limit)
                .map(h -> {
                    final List<ChurnRiskAlert> open = lastByEpisode.getOrDefault(h.getAccountId(), Map.of()).values()
                            .stream().filter(a -> a.getStatus() == AlertStatus.OPEN).toList();
                    final long mrr = open.stream().mapToLong(ChurnRiskAlert::getMrrAtRiskCents).max().orElse(0);
                    final String segment = open.isEmpty() ? "" : open.get(0).getSegment().name();
                    return new AtRiskAccount(h.getAccountId(), h.getScore(), h.getBand(),
                            h.getTopDriver() == null ? "" : h.getTopDriver(), mrr, segment,
                            open.stream().map(ChurnRiskAlert::getSignal).distinct().toList());
                })
                .toList();
    }

    private static int churnerCount(final List<GroundTruth> truth) {
        return (int) truth.stream().filter(GroundTruth::churned).count();
    }

    /**
     * Days between each churner's first alert and its cancellation request, for churners alerted before it.
     * The CANCELLATION_REQUESTED alert itself does not count: the customer had already said it.
     */
    private static List<Double> leadTimes(final List<ChurnRiskAlert> alerts, final List<GroundTruth> truth) {
        final Map<String, Instant> firstAlert = new HashMap<>();
        alerts.stream()
                .filter(a -> a.getStatus() == AlertStatus.OPEN && a.getSignal() != ChurnSignal.CANCELLATION_REQUESTED)
                .forEach(a -> firstAlert.merge(a.getAccountId(), a.getOpenedAt(), (x, y) -> x.isBefore(y) ? x : y));
        final List<Double> days = new ArrayList<>();
        for (final GroundTruth account : truth) {
            final Instant first = firstAlert.get(account.accountId());
            if (account.churned() && first != null && first.isBefore(account.cancellationRequestedAt())) {
                days.add(Duration.between(first, account.cancellationRequestedAt()).toMinutes() / (24.0 * 60));
            }
        }
        days.sort(Comparator.naturalOrder());
        return days;
    }

    /** The median lead time in days, or NaN when no churner was flagged early. */
    public double medianLeadDays() {
        if (leadTimesDays.isEmpty()) {
            return Double.NaN;
        }
        final int n = leadTimesDays.size();
        return n % 2 == 1 ? leadTimesDays.get(n / 2) : (leadTimesDays.get(n / 2 - 1) + leadTimesDays.get(n / 2)) / 2;
    }
}
