package io.churnwatch.backtest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Writes a {@link BacktestReport} as one self-contained HTML page (no script, no external resource) with inline SVG
 * plots a CS lead would rather look at than read: when churners were first alerted ({@code #lead-times}), how much
 * of the churn each signal catches for how many staying customers it bothers ({@code #recall-vs-alerted}, against
 * the diagonal of alerting at random), and how the health score of churners compares with that of retained
 * accounts ({@code #score-distribution}); then the tables.
 */
public final class BacktestHtml {

    private static final int W = 640;
    private static final int H = 300;
    private static final int PAD = 44;
    private static final String CHURN = "#c0392b";
    private static final String STAY = "#2e86c1";

    private BacktestHtml() {
    }

    public static void write(final BacktestReport report, final Writer out) throws IOException {
        final StringBuilder page = new StringBuilder(32_768);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>churnwatch backtest"
                + "</title>\n<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:"
                + "collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,"
                + "th:first-child{text-align:left}figure{display:inline-block;margin:0 2em 2em 0}figcaption{font-"
                + "weight:600}</style></head><body>\n");
        page.append(String.format(Locale.ROOT, "<h1>churnwatch backtest</h1>\n<p>%,d accounts: %,d churners "
                        + "(cancelled at least %d days after first usage), %,d retained; %,d alert records, %,d OPEN. "
                        + "A churner is flagged by an OPEN alert at least %d days before it cancelled.</p>\n",
                report.accounts(), report.churners(), report.options().minTenureDays(), report.retained(),
                report.alertRecords(), report.openRecords(), report.options().leadDays()));
        figure(page, "Days from the first alert to cancelling (churners alerted before they cancelled)",
                leadTimes(report.leadTimes()));
        figure(page, "Share of churners flagged vs share of retained accounts alerted", recallVsAlerted(report));
        figure(page, String.format(Locale.ROOT, "Health score %d days before the outcome: churners (red) and "
                + "retained accounts (blue), as a share of each", report.options().leadDays()), scores(report));
        table(page, "Per signal", rows(report));
        table(page, "Per segment", report.bySegment());
        final HealthRanking health = report.health();
        page.append(String.format(Locale.ROOT, "<p>Health ranking over %,d account-days: AUC %.3f for churn within "
                        + "%d days; of each day's lowest-scored 10%%, %.1f%% churn within %d days (base rate %.1f%%)."
                        + "</p>\n", health.snapshots(), health.auc(), report.options().horizonDays(),
                100 * health.lowestDecileShare(), report.options().horizonDays(), 100 * health.baseRate()));
        if (report.weights() != null) {
            weights(page, report.weights());
        }
        page.append("</body></html>\n");
        out.write(page.toString());
    }

    private static void weights(final StringBuilder page, final WeightProposal proposal) {
        page.append("<h2>Proposed health weights</h2>\n<table id=\"weights\"><tr><th>component</th><th>current</th>"
                + "<th>proposed</th><th>account-days with data</th></tr>\n");
        for (int i = 0; i < proposal.components().size(); i++) {
            page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.1f%%</td></tr>\n",
                    escape(proposal.components().get(i)), proposal.current().get(i), proposal.proposed().get(i),
                    100 * proposal.coverage().get(i)));
        }
        page.append(String.format(Locale.ROOT, "</table>\n<p>AUC on the accounts the weights were fitted on: %.3f "
                        + "current, %.3f proposed; on the other half: %.3f current, %.3f proposed. Estimated from the "
                        + "emitted health updates; verify with a backtest under <code>%s</code>.</p>\n",
                proposal.fitAucCurrent(), proposal.fitAucProposed(), proposal.checkAucCurrent(),
                proposal.checkAucProposed(), escape(proposal.setOptions("health.weight."))));
    }

    private static List<SignalRow> rows(final BacktestReport report) {
        final List<SignalRow> rows = new ArrayList<>();
        rows.add(report.overall());
        rows.addAll(report.bySignal());
        rows.add(report.naive());
        return rows;
    }

    private static void figure(final StringBuilder page, final String caption, final String svg) {
        page.append("<figure><figcaption>").append(escape(caption)).append("</figcaption>\n").append(svg)
                .append("</figure>\n");
    }

    private static String leadTimes(final LeadTimes leads) {
        final int bins = Math.max(1, (int) Math.ceil(leads.days().stream().mapToDouble(d -> d).max().orElse(7) / 7));
        final double[] counts = new double[bins];
        leads.days().forEach(d -> counts[Math.min(bins - 1, (int) (d / 7))]++);
        final List<String> labels = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(Integer.toString(i * 7));
        }
        return bars("lead-times", List.of(counts), List.of(CHURN), labels, "days before cancelling", "churners");
    }

    private static String scores(final BacktestReport report) {
        return bars("score-distribution", List.of(shares(report.churnerScores()), shares(report.retainedScores())),
                List.of(CHURN, STAY), List.of("0", "10", "20", "30", "40", "50", "60", "70", "80", "90"),
                "health score", "share");
    }

    private static double[] shares(final List<Integer> bins) {
        final double total = Math.max(1, bins.stream().mapToInt(Integer::intValue).sum());
        return bins.stream().mapToDouble(b -> b / total).toArray();
    }

    /** A bar chart of one or more series side by side per bin. */
    private static String bars(final String id, final List<double[]> series, final List<String> colours,
                               final List<String> labels, final String xTitle, final String yTitle) {
        final StringBuilder svg = open(id, xTitle, yTitle);
        double max = 0;
        for (final double[] values : series) {
            for (final double v : values) {
                max = Math.max(max, v);
            }
        }
        final int bins = labels.size();
        final double slot = (W - 2.0 * PAD) / bins;
        final double bar = slot * 0.8 / series.size();
        for (int i = 0; i < bins; i++) {
            for (int s = 0; s < series.size(); s++) {
                final double v = series.get(s)[i];
                final double h = max == 0 ? 0 : v / max * (H - 2.0 * PAD);
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                                + "height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>", PAD + i * slot
                                + slot * 0.1 + s * bar, H - PAD - h, bar, h, colours.get(s), escape(labels.get(i)),
                        v < 1 && v > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : Long.toString(Math.round(v))));
            }
            if (bins <= 20 || i % 2 == 0) {
                svg.append(text(PAD + i * slot + slot / 2, H - PAD + 14, labels.get(i), "middle"));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String recallVsAlerted(final BacktestReport report) {
        final StringBuilder svg = open("recall-vs-alerted", "retained accounts alerted", "churners flagged");
        final double span = W - 2.0 * PAD;
        final double rise = H - 2.0 * PAD;
        svg.append(String.format(Locale.ROOT, "<line class=\"random\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                + "stroke=\"#999\" stroke-dasharray=\"4\"/>", PAD, H - PAD, W - PAD, PAD));
        // Signals that fall on one spot (a CHURN_RISK alert and the reasons it always carries) share one label.
        final Map<String, List<String>> labels = new LinkedHashMap<>();
        for (final SignalRow row : rows(report)) {
            final double x = PAD + row.retainedShare() * span;
            final double y = H - PAD - row.recall() * rise;
            svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" "
                            + "fill=\"%s\"><title>%s: %.1f%% flagged, %.1f%% of retained alerted</title></circle>", x, y,
                    row == report.naive() ? "#777" : CHURN, escape(row.name()), 100 * row.recall(),
                    100 * row.retainedShare()));
            labels.computeIfAbsent(String.format(Locale.ROOT, "%.0f %.0f", x / 8, y / 8), k -> new ArrayList<>())
                    .add(String.format(Locale.ROOT, "%.1f %.1f %s", x, y, row.name()));
        }
        int line = 0;
        for (final List<String> spot : labels.values()) {
            final String[] first = spot.get(0).split(" ", 3);
            final String names = String.join(", ", spot.stream().map(l -> l.split(" ", 3)[2]).toList());
            svg.append(text(Double.parseDouble(first[0]) + 7, Double.parseDouble(first[1]) - 4 + (line++ % 2) * 12,
                    names, "start"));
        }
        for (int pct = 0; pct <= 100; pct += 25) {
            svg.append(text(PAD + pct / 100.0 * span, H - PAD + 14, pct + "%", "middle"));
            svg.append(text(PAD - 4, H - PAD - pct / 100.0 * rise + 4, pct + "%", "end"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(final String id, final String xTitle, final String yTitle) {
        final StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" font-size=\"11\">", id, W, H, W, H));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", PAD, H - PAD, W - PAD, H - PAD,
                PAD, PAD, PAD, H - PAD));
        svg.append(text(W / 2.0, H - 8, xTitle, "middle"));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
                + "text-anchor=\"middle\">%s</text>", H / 2, H / 2, escape(yTitle)));
        return svg;
    }

    private static String text(final double x, final double y, final String text, final String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                escape(text));
    }

    private static void table(final StringBuilder page, final String title, final List<SignalRow> rows) {
        page.append("<h2>").append(escape(title)).append("</h2>\n<table><tr><th></th><th>churners flagged</th>"
                + "<th>retained ever alerted</th><th>precision</th><th>F1</th><th>OPEN / retained account-month</th>"
                + "</tr>\n");
        for (final SignalRow row : rows) {
            page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.1f%% (%d of %d)</td><td>%.1f%% (%d of %d)"
                            + "</td><td>%.1f%%</td><td>%.3f</td><td>%.3f</td></tr>\n", escape(row.name()),
                    100 * row.recall(), row.flagged(), row.churners(), 100 * row.retainedShare(),
                    row.retainedAlerted(), row.retained(), 100 * row.precision(), row.f1(), row.load()));
        }
        page.append("</table>\n");
    }

    static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
