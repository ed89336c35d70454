package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.jsonl.JsonlCodec;
import io.churnwatch.jsonl.JsonlFiles;
import io.churnwatch.jsonl.JsonlReader;
import io.churnwatch.jsonl.ParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code churnwatch backtest} end to end on 300 real OULAD enrolments (test resources {@code oulad-300}, CC BY
 * 4.0): its own embedded broker and registry, the import, the replay, the judgement, the JSON and HTML reports;
 * the page is rendered by Debian's Chromium where it is installed.
 */
class BacktestCommandIT {

    private static final Path DATA = Path.of("src", "test", "resources", "oulad-300");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    private static CliRun run;
    private static JsonNode report;

    @BeforeAll
    static void backtest() throws IOException {
        run = CliRun.run(Map.of(), "backtest", "--data", DATA.toString(), "--outcomes",
                DATA.resolve("truth.jsonl.gz").toString(), "--json", out.resolve("report.json").toString(),
                "--html", out.resolve("report.html").toString(), "--propose-weights");
        assertThat(run.exitCode()).as(run.err()).isZero();
        report = JSON.readTree(out.resolve("report.json").toFile());
    }

    @Test
    void shouldJudgeTheChurnersAndRetainedAccountsTheDefinitionsName() throws IOException {
        final Map<String, Instant> firstUsage = new HashMap<>();
        try (JsonlReader<UsageEvent> usage = JsonlReader.open(DATA.resolve("usage.jsonl.gz"), JsonlCodec.usage())) {
            usage.forEachRemaining(r -> firstUsage.merge(r.value().getAccountId(), r.value().getOccurredAt(),
                    (a, b) -> a.isBefore(b) ? a : b));
        }
        long churners = 0;
        try (JsonlReader<BillingEvent> billing = JsonlReader.open(DATA.resolve("billing.jsonl.gz"),
                JsonlCodec.billing())) {
            for (final ParseResult<BillingEvent> r : (Iterable<ParseResult<BillingEvent>>) () -> billing) {
                final BillingEvent e = r.value();
                final Instant first = firstUsage.get(e.getAccountId());
                if (e.getType() == BillingEventType.CANCELLED && first != null
                        && !e.getOccurredAt().isBefore(first.plus(Duration.ofDays(14)))) {
                    churners++;
                }
            }
        }
        assertThat(report.get("accounts").asInt()).isEqualTo(300);
        assertThat(report.get("churners").asLong()).isEqualTo(churners);
        assertThat(report.get("retained").asLong()).isEqualTo(retainedInTruthFile());
    }

    @Test
    void shouldAlertChurnersMoreOftenThanRetainedAccountsWhenJudgedOnRealData() {
        final JsonNode all = report.get("overall");
        final double baseRate = report.get("churners").asDouble()
                / (report.get("churners").asDouble() + report.get("retained").asDouble());

        assertThat(all.get("precision").asDouble()).isGreaterThan(baseRate);
        assertThat(all.get("load").asDouble()).isLessThanOrEqualTo(0.2);
        assertThat(report.at("/health/auc").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void shouldProposeWeightsFromTheRunsOwnAccountDaysWhenAsked() {
        final JsonNode weights = report.get("weights");
        double proposed = 0;
        for (final JsonNode w : weights.get("proposed")) {
            proposed += w.asDouble();
        }

        assertThat(weights.get("current")).extracting(JsonNode::asDouble).containsExactly(0.3, 0.2, 0.15, 0.2, 0.15);
        assertThat(proposed).isCloseTo(1.0, within(1e-3));
        assertThat(weights.get("fitDays").asLong() + weights.get("checkDays").asLong())
                .isEqualTo(report.at("/health/snapshots").asLong());
        assertThat(weights.get("fitAucProposed").asDouble()).isGreaterThanOrEqualTo(weights.get("fitAucCurrent")
                .asDouble());
        assertThat(run.out()).contains("Health weights proposed by this backtest").contains("--set health.weight.");
    }

    @Test
    void shouldPrintTheTablesWhenTheBacktestFinishes() {
        assertThat(run.out()).contains("| all signals ").contains("| CHURN_RISK ").contains("| naive: no usage for 14")
                .contains("| TECH_TOUCH ").contains("Lead time of the ").contains("Health score ranking (");
        assertThat(run.err()).contains("replayed ");
    }

    @Test
    void shouldRenderThePlotsWhenTheHtmlReportOpensInABrowser() throws IOException, InterruptedException {
        final Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (apt-get install "
                + "chromium): the HTML report is checked only as text");
        final Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(out, "chromium"), "--dump-dom",
                out.resolve("report.html").toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String dom = new String(browser.getInputStream().readAllBytes());
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(dom).contains("id=\"lead-times\"").contains("id=\"recall-vs-alerted\"")
                .contains("id=\"score-distribution\"").contains("class=\"bar\"").contains("class=\"point\"");
    }

    private static long retainedInTruthFile() throws IOException {
        try (BufferedReader truth = JsonlFiles.openLines(DATA.resolve("truth.jsonl.gz"))) {
            final List<String> lines = truth.lines().toList();
            long retained = 0;
            for (final String line : lines) {
                final String result = JSON.readTree(line).get("final_result").asText();
                retained += result.equals("Pass") || result.equals("Distinction") ? 1 : 0;
            }
            return retained;
        }
    }
}
