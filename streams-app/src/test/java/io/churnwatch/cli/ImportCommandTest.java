package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.jsonl.JsonlCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line and validation of {@code churnwatch import}, in dry runs (no cluster needed). */
class ImportCommandTest {

    private static final String VALID = JsonlCodec.billing().write(new BillingEvent("b1", "acct-1",
            BillingEventType.RENEWED, 4_900L, "EUR", "starter", Instant.parse("2026-02-05T00:10:00Z")));

    @TempDir
    Path dir;

    private Path file(final String name, final String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private static CliRun run(final String... args) {
        return CliRun.run(Map.of(), args);
    }

    @Test
    void shouldReportEachRejectedLineWithNumberAndReasonWhenValidating() throws IOException {
        final Path billing = file("billing.jsonl", VALID, "{\"accountId\":\"acct-2\"}", VALID, "[1,2]");

        final CliRun run = run("import", "--dry-run", billing.toString());

        assertThat(run.err().lines()).contains("billing.jsonl:2: missing required field 'eventId'",
                "billing.jsonl:4: not a JSON object but ARRAY");
    }

    @Test
    void shouldExitWithRejectedCodeWhenAnyLineIsRejected() throws IOException {
        final Path billing = file("billing.jsonl", VALID, "oops");

        final CliRun run = run("import", "--dry-run", billing.toString());

        assertThat(run.exitCode()).isEqualTo(ImportCommand.EXIT_REJECTED);
        assertThat(run.err().lines()).contains("churnwatch: 1 lines were rejected and not sent; --skip-invalid "
                + "accepts that");
    }

    @Test
    void shouldExitZeroWhenLinesAreRejectedAndSkipInvalidIsGiven() throws IOException {
        final Path billing = file("billing.jsonl", VALID, "oops");

        final CliRun run = run("import", "--dry-run", "--skip-invalid", billing.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("billing.jsonl:2: not valid JSON");
    }

    @Test
    void shouldCountValidAndRejectedLinesInSummaryWhenValidating() throws IOException {
        final Path billing = file("billing.jsonl", VALID, VALID, "oops");

        final CliRun run = run("import", "--dry-run", "--skip-invalid", billing.toString());

        assertThat(run.out()).startsWith(billing + " (dry run, nothing sent): 2 events in ")
                .contains("), 1 rejected");
    }

    @Test
    void shouldTellTopicFromFileNameWhenTopicIsNotGiven() throws IOException {
        final Path tickets = file("tickets.jsonl", VALID);

        final CliRun run = run("import", "--dry-run", tickets.toString());

        // A billing line is not a ticket: the file was read as the tickets feed.
        assertThat(run.err()).contains("tickets.jsonl:1: missing required field");
    }

    @Test
    void shouldReadFilesAsTheGivenTopicWhenTopicIsRenamedInConfiguration() throws IOException {
        final Path data = file("data.jsonl", VALID);

        final CliRun run = run("import", "--dry-run", "--set", "topic.billing=payments", "--topic", "payments",
                data.toString());

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void shouldFailAsUsageErrorWhenTopicIsNotAnInputTopic() throws IOException {
        final Path data = file("data.jsonl", VALID);

        final CliRun run = run("import", "--dry-run", "--topic", "account-health", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("churnwatch: unknown topic 'account-health': the input topics are product-usage");
    }

    @Test
    void shouldFailAsUsageErrorWhenFileNameShowsNoTopic() throws IOException {
        final Path data = file("data.jsonl", VALID);

        final CliRun run = run("import", "--dry-run", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot tell the topic of " + data);
    }

    @Test
    void shouldFailAsUsageErrorWhenFileIsMissing() {
        final CliRun run = run("import", "--dry-run", dir.resolve("billing.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("churnwatch: no such file: " + dir.resolve("billing.jsonl"));
    }

    @Test
    void shouldFailAsUsageErrorWhenTimeoutIsNotPositive() throws IOException {
        final Path billing = file("billing.jsonl", VALID);

        final CliRun run = run("import", "--timeout", "0", billing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("churnwatch: --timeout must be at least 1 second (got 0)");
    }

    @Test
    void shouldFailInOneLineWhenClusterCannotBeReached() throws IOException {
        final Path billing = file("billing.jsonl", VALID);

        final CliRun run = run("import", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "1", billing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("churnwatch: cannot reach Kafka at 127.0.0.1:1 within 1 s (check bootstrap.servers and "
                        + "the security settings)");
    }
}
