package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.generate.CollectingSink;
import io.churnwatch.generate.GenerationStats;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.generate.JsonlDirectorySink;
import io.churnwatch.jsonl.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withAccounts(15)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(3L);

    @TempDir
    Path dir;

    private CliRun generate(final Path out) {
        return CliRun.run(Map.of(), "generate", "--out", out.toString(), "--accounts", "" + SMALL.accounts(),
                "--days", "" + SMALL.days(), "--seed", "" + SMALL.seed());
    }

    @Test
    void shouldWriteTheDataSetFilesWhenRun() {
        final CliRun run = generate(dir);

        assertThat(run.exitCode()).isZero();
        assertThat(Arrays.stream(EventKind.values()).map(kind -> dir.resolve(kind.fileName())))
                .allMatch(Files::isRegularFile);
        assertThat(dir.resolve(JsonlDirectorySink.TRUTH_FILE)).isRegularFile();
    }

    @Test
    void shouldPrintTheGeneratorsCountsWhenRun() {
        final GenerationStats expected = new HistoryGenerator(SMALL).generate(new CollectingSink());

        final CliRun run = generate(dir);

        assertThat(run.out()).startsWith(String.format(Locale.ROOT, "generated %,d accounts and %,d events (usage %,d, "
                + "tickets %,d, billing %,d)", expected.accounts(), expected.events(), expected.usageEvents(),
                expected.ticketEvents(), expected.billingEvents()));
    }

    @Test
    void shouldWriteIdenticalFilesWhenRunTwiceWithSameOptions() throws IOException {
        generate(dir.resolve("a"));
        generate(dir.resolve("b"));

        for (final EventKind kind : EventKind.values()) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(kind.fileName())))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(kind.fileName())));
        }
    }

    @Test
    void shouldPrintTheImportCommandWhenRun() {
        final CliRun run = generate(dir);

        assertThat(run.out().lines()).last().asString().isEqualTo("import with: churnwatch import "
                + dir.resolve("accounts.jsonl.gz") + " " + dir.resolve("usage.jsonl.gz") + " "
                + dir.resolve("tickets.jsonl.gz") + " " + dir.resolve("billing.jsonl.gz"));
    }

    @Test
    void shouldFailAsUsageErrorWhenHistoryIsTooShort() {
        final CliRun run = CliRun.run(Map.of(), "generate", "--out", dir.toString(), "--days", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: days must be between");
    }
}
