package io.churnwatch.demo;

import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.signals.Severity;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Formats a {@link DemoReport} as plain text for a terminal. */
public final class DemoReportPrinter {

    private static final HealthBand[] BANDS = {HealthBand.HEALTHY, HealthBand.NEUTRAL, HealthBand.AT_RISK,
        HealthBand.CRITICAL};

    private DemoReportPrinter() {
    }

    public static void print(final DemoReport report, final PrintWriter out) {
        out.println();
        out.println("Alert episodes by signal and severity");
        out.printf(Locale.ROOT, "  %-24s %6s %6s %6s %8s %7s%n", "signal", "LOW", "MEDIUM", "HIGH", "CRITICAL", "total");
        for (final Map.Entry<ChurnSignal, Map<Severity, Integer>> row : report.episodes().entrySet()) {
            final Map<Severity, Integer> counts = row.getValue();
            out.printf(Locale.ROOT, "  %-24s %6d %6d %6d %8d %7d%n", row.getKey(), get(counts, Severity.LOW),
                    get(counts, Severity.MEDIUM), get(counts, Severity.HIGH), get(counts, Severity.CRITICAL),
                    counts.values().stream().mapToInt(Integer::intValue).sum());
        }
        out.println();
        out.println("Health bands (latest score per account)");
        final int accounts = report.bands().values().stream().mapToInt(Integer::intValue).sum();
        for (final HealthBand band : BANDS) {
            final int n = report.bands().getOrDefault(band, 0);
            out.printf(Locale.ROOT, "  %-9s %6d  %5.1f%%  %s%n", band, n, percent(n, accounts), bar(n, accounts));
        }
        out.println();
        out.println("Most at-risk accounts");
        out.printf(Locale.ROOT, "  %-12s %-10s %5s %-9s %-12s %12s  %s%n", "account", "segment", "score", "band",
                "top driver", "MRR at risk", "open signals");
        for (final DemoReport.AtRiskAccount a : report.atRisk()) {
            out.printf(Locale.ROOT, "  %-12s %-10s %5d %-9s %-12s %12s  %s%n", a.accountId(), a.segment(), a.score(),
                    a.band(), a.topDriver(), money(a.mrrAtRiskCents()), a.openSignals());
        }
        if (report.churners() > 0) {
            out.println();
            out.printf(Locale.ROOT, "Churners flagged before they asked to cancel: %d of %d (%.0f%%)", report.flaggedEarly(),
                    report.churners(), percent(report.flaggedEarly(), report.churners()));
            if (!report.leadTimesDays().isEmpty()) {
                out.printf(Locale.ROOT, ", median %.1f days ahead (from %.1f to %.1f days)",
                        report.medianLeadDays(), report.leadTimesDays().get(0),
                        report.leadTimesDays().get(report.leadTimesDays().size() - 1));
            }
            out.println();
        }
        out.flush();
    }

    private static int get(final Map<Severity, Integer> counts, final Severity severity) {
        return counts.getOrDefault(severity, 0);
    }

    private static double percent(final int part, final int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String bar(final int part, final int whole) {
        return "#".repeat((int) Math.round(percent(part, whole) / 2));
    }

    private static String money(final long cents) {
        return String.format(Locale.ROOT, "%,.2f", cents / 100.0);
    }
}
