package io.churnwatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomesFileTest {

    private static final Instant END = Instant.parse("2014-06-26T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldReadChurnwatchOutcomesWhenLinesNameTheOutcome() throws IOException {
        final Map<String, Outcome> outcomes = read(
                "{\"accountId\":\"a\",\"outcome\":\"churned\",\"date\":\"2026-03-01T00:00:00Z\"}",
                "{\"accountId\":\"b\",\"outcome\":\"RETAINED\",\"date\":\"2026-06-01T00:00:00Z\"}",
                "{\"accountId\":\"c\",\"outcome\":\"OTHER\"}");

        assertThat(outcomes).containsEntry("a", new Outcome(Outcome.Kind.CHURNED, Instant.parse("2026-03-01T00:00:00Z")))
                .containsEntry("b", new Outcome(Outcome.Kind.RETAINED, Instant.parse("2026-06-01T00:00:00Z")))
                .containsEntry("c", new Outcome(Outcome.Kind.OTHER, null));
    }

    @Test
    void shouldMapOuladResultsWhenLinesCarryAFinalResult() throws IOException {
        final Map<String, Outcome> outcomes = read(
                oulad("w", "Withdrawn", "\"2013-12-01T09:59:00Z\""), oulad("p", "Pass", "null"),
                oulad("d", "Distinction", "null"), oulad("f", "Fail", "null"));

        assertThat(outcomes).containsEntry("w", new Outcome(Outcome.Kind.CHURNED, Instant.parse("2013-12-01T09:59:00Z")))
                .containsEntry("p", new Outcome(Outcome.Kind.RETAINED, END))
                .containsEntry("d", new Outcome(Outcome.Kind.RETAINED, END))
                .containsEntry("f", new Outcome(Outcome.Kind.OTHER, END));
    }

    @Test
    void shouldNameTheFileAndLineWhenALineIsNeitherForm() throws IOException {
        final Path file = Files.write(dir.resolve("bad.jsonl"), List.of(oulad("p", "Pass", "null"), "{\"accountId\":\"x\"}"));

        assertThatThrownBy(() -> OutcomesFile.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + " line 2: neither \"outcome\" (CHURNED, RETAINED, OTHER) nor \"final_result\"");
    }

    @Test
    void shouldJudgeAnAccountAsChurnedWhenTheInputCancelsItAndTheFileSaysOther() {
        final Outcome cancelled = new Outcome(Outcome.Kind.CHURNED, Instant.parse("2013-10-01T09:59:00Z"));
        final OutcomesFile.Combined combined = OutcomesFile.combine(
                Map.of("f", cancelled, "p", cancelled, "r", new Outcome(Outcome.Kind.RETAINED, END)),
                Map.of("f", new Outcome(Outcome.Kind.OTHER, END), "p", new Outcome(Outcome.Kind.RETAINED, END)));

        assertThat(combined.outcomes()).containsEntry("f", cancelled)
                .containsEntry("p", new Outcome(Outcome.Kind.RETAINED, END)).doesNotContainKey("r");
        assertThat(combined.overruled()).isEqualTo(1);
    }

    private Map<String, Outcome> read(final String... lines) throws IOException {
        return OutcomesFile.read(Files.write(dir.resolve("outcomes.jsonl"), List.of(lines)));
    }

    private static String oulad(final String id, final String result, final String cancelledAt) {
        return "{\"accountId\":\"" + id + "\",\"final_result\":\"" + result + "\",\"cancelledAt\":" + cancelledAt
                + ",\"courseEnd\":\"" + END + "\"}";
    }
}
