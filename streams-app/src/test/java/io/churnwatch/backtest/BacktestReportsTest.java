package io.churnwatch.backtest;

import static io.churnwatch.backtest.Histories.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.signals.ChurnSignal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table, JSON and HTML forms of one hand-made report. */
class BacktestReportsTest {

    private static final BacktestReport REPORT = Backtest.run(List.of(
            account("c<1>", 20).open(ChurnSignal.SILENCE, 21).score(1, 30).churnedOn(40).build(),
            account("c2", 20).churnedOn(40).score(1, 60).build(),
            account("r1", 50).open(ChurnSignal.COHORT_LAG, 30).score(1, 80).retainedUntil(60).build()),
            BacktestOptions.defaults());

    @Test
    void shouldPrintARowPerSignalAndTheBaselineWhenPrintedAsATable() {
        final StringWriter text = new StringWriter();

        BacktestTable.print(REPORT, new PrintWriter(text));

        assertThat(text.toString()).contains("| all signals ").contains("| SILENCE ").contains("| COHORT_LAG ")
                .contains("| naive: no usage for 14 days").contains("50.0% (    1 of     2)")
                .contains("Lead time of the 1 churners alerted before cancelling: median 19.0 days");
    }

    @Test
    void shouldCarryTheFiguresWhenWrittenAsJson() throws IOException {
        final StringWriter json = new StringWriter();

        BacktestJson.write(REPORT, json);

        final JsonNode node = new ObjectMapper().readTree(json.toString());
        assertThat(node.get("churners").asInt()).isEqualTo(2);
        assertThat(node.at("/overall/recall").asDouble()).isEqualTo(0.5);
        assertThat(node.at("/overall/retainedAlerted").asInt()).isEqualTo(1);
        assertThat(node.at("/bySignal/0/name").asText()).isEqualTo("SILENCE");
        assertThat(node.at("/leadTimes/median").asDouble()).isEqualTo(19.0);
    }

    @Test
    void shouldWriteNullWhenAFigureHasNoValue() throws IOException {
        final BacktestReport empty = Backtest.run(List.of(), BacktestOptions.defaults());
        final StringWriter json = new StringWriter();

        BacktestJson.write(empty, json);

        assertThat(new ObjectMapper().readTree(json.toString()).at("/leadTimes/median").isNull()).isTrue();
    }

    @Test
    void shouldDrawTheThreePlotsWhenWrittenAsHtml() throws IOException {
        final StringWriter html = new StringWriter();

        BacktestHtml.write(REPORT, html);

        assertThat(html.toString()).contains("<svg id=\"lead-times\"").contains("<svg id=\"recall-vs-alerted\"")
                .contains("<svg id=\"score-distribution\"").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=")
                .contains("<td>SILENCE</td>");
    }

    private static final BacktestReport WITH_WEIGHTS = REPORT.withWeights(new WeightProposal(
            List.of("usage_trend", "recency"), List.of(0.6, 0.4), List.of(0.1, 0.9), List.of(0.0, 0.75), 10, 12, 0.61, 0.66,
            0.6, 0.64));

    @Test
    void shouldLeaveTheWeightsOutWhenNoneWereProposed() throws IOException {
        final StringWriter json = new StringWriter();
        final StringWriter text = new StringWriter();

        BacktestJson.write(REPORT, json);
        BacktestTable.print(REPORT, new PrintWriter(text));

        assertThat(new ObjectMapper().readTree(json.toString()).has("weights")).isFalse();
        assertThat(text.toString()).doesNotContain("Health weights proposed");
    }

    @Test
    void shouldPrintTheProposalAndHowToVerifyItWhenWeightsWereProposed() {
        final StringWriter text = new StringWriter();

        BacktestTable.print(WITH_WEIGHTS, new PrintWriter(text));

        assertThat(text.toString()).contains("| recency      |    0.40 |     0.90 | 75.0%                 |")
                .contains("| usage_trend  |    0.60 |     0.10 | none: weight kept     |")
                .contains("checking half: 0.600 current, 0.640 proposed")
                .contains("--set health.weight.usage_trend=0.10 --set health.weight.recency=0.90");
    }

    @Test
    void shouldCarryTheProposalWhenWrittenAsJsonAndHtml() throws IOException {
        final StringWriter json = new StringWriter();
        final StringWriter html = new StringWriter();

        BacktestJson.write(WITH_WEIGHTS, json);
        BacktestHtml.write(WITH_WEIGHTS, html);

        assertThat(new ObjectMapper().readTree(json.toString()).at("/weights/proposed/1").asDouble()).isEqualTo(0.9);
        assertThat(html.toString()).contains("<table id=\"weights\">")
                .contains("<td>recency</td><td>0.40</td><td>0.90</td><td>75.0%</td>").endsWith("</body></html>\n");
    }

    @Test
    void shouldEscapeMarkupWhenANameContainsIt() {
        assertThat(BacktestHtml.escape("c<1> & \"x\"")).isEqualTo("c&lt;1&gt; &amp; &quot;x&quot;");
    }
}
