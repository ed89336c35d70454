package io.churnwatch.backtest;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a {@link BacktestReport} as the terminal tables a CS lead reads: per signal, per segment, then summaries. */
public final class BacktestTable {

    private BacktestTable() {
    }

    public static void print(final BacktestReport report, final PrintWriter out) {
        final int lead = report.options().leadDays();
        out.printf(Locale.ROOT, "%nBacktest: %,d accounts, %,d churners (cancelled >= %d days after first usage), "
                        + "%,d retained; %,d alert records, %,d OPEN%n", report.accounts(), report.churners(),
                report.options().minTenureDays(), report.retained(), report.alertRecords(), report.openRecords());
        out.println();
        header(out, "", lead);
        row(out, report.overall());
        report.bySignal().forEach(r -> row(out, r));
        row(out, report.naive());
        out.println();
        header(out, "segment", lead);
        report.bySegment().forEach(r -> row(out, r));
        final LeadTimes leads = report.leadTimes();
        out.println();
        out.printf(Locale.ROOT, "Lead time of the %,d churners alerted before cancelling: median %.1f days "
                + "(quartiles %.1f-%.1f)%n", leads.days().size(), leads.median(), leads.q1(), leads.q3());
        final HealthRanking health = report.health();
        out.printf(Locale.ROOT, "Health score ranking (%,d account-days): AUC %.3f for churn within %d days; of each "
                        + "day's lowest-scored 10%%, %.1f%% churn within %d days (base rate %.1f%%)%n",
                health.snapshots(), health.auc(), report.options().horizonDays(), 100 * health.lowestDecileShare(),
                report.options().horizonDays(), 100 * health.baseRate());
        if (report.weights() != null) {
            weights(report.weights(), report.options().horizonDays(), out);
        }
        out.flush();
    }

    private static void weights(final WeightProposal proposal, final int horizon, final PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Health weights proposed by this backtest (AUC for churn within %d days; fitted on "
                + "%,d account-days, checked on the other %,d, of other accounts):%n", horizon, proposal.fitDays(),
                proposal.checkDays());
        out.printf(Locale.ROOT, "| %-12s | %-7s | %-8s | %-21s |%n", "component", "current", "proposed",
                "account-days with data");
        out.println("|" + "-".repeat(14) + "|" + "-".repeat(9) + "|" + "-".repeat(10) + "|" + "-".repeat(23) + "|");
        for (int i = 0; i < proposal.components().size(); i++) {
            final double coverage = proposal.coverage().get(i);
            out.printf(Locale.ROOT, "| %-12s | %7.2f | %8.2f | %-21s |%n", proposal.components().get(i),
                    proposal.current().get(i), proposal.proposed().get(i),
                    coverage == 0 ? "none: weight kept" : String.format(Locale.ROOT, "%.1f%%", 100 * coverage));
        }
        out.printf(Locale.ROOT, "AUC, fitting half: %.3f current, %.3f proposed; checking half: %.3f current, %.3f "
                + "proposed%n", proposal.fitAucCurrent(), proposal.fitAucProposed(), proposal.checkAucCurrent(),
                proposal.checkAucProposed());
        out.println("Estimated from the components of the emitted health updates; verify with a backtest under them:");
        out.println("  " + proposal.setOptions("health.weight."));
    }

    /** The overall and baseline rows only: the summary the demo prints. */
    public static void summary(final BacktestReport report, final PrintWriter out) {
        out.printf(Locale.ROOT, "%nBacktest of the alerts against the history's cancellations (%,d churners, %,d "
                + "retained; as churnwatch backtest judges):%n", report.churners(), report.retained());
        header(out, "", report.options().leadDays());
        row(out, report.overall());
        row(out, report.naive());
        out.flush();
    }

    private static void header(final PrintWriter out, final String first, final int lead) {
        out.printf(Locale.ROOT, "| %-28s | %s | %s | %s | %s | %s |%n", first,
                "churners flagged >= " + lead + " d ahead", "retained ever alerted", "precision", "F1   ",
                "OPEN / retained account-month");
        out.println("|" + String.join("|", List.of("-".repeat(30), "-".repeat(30), "-".repeat(23), "-".repeat(11),
                "-".repeat(7), "-".repeat(31))) + "|");
    }

    private static void row(final PrintWriter out, final SignalRow row) {
        out.printf(Locale.ROOT, "| %-28s | %6.1f%% (%,5d of %,5d)     | %5.1f%% (%,5d of %,5d) | %8.1f%% | %.3f | "
                        + "%29.3f |%n", row.name(), 100 * row.recall(), row.flagged(), row.churners(),
                100 * row.retainedShare(), row.retainedAlerted(), row.retained(), 100 * row.precision(), row.f1(),
                row.load());
    }
}
