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

    @Test
    void shouldEscapeMarkupWhenANameContainsIt() {
        assertThat(BacktestHtml.escape("c<1> & \"x\"")).isEqualTo("c&lt;1&gt; &amp; &quot;x&quot;");
    }
}
