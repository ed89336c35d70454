package io.churnwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.jsonl.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDeterminismTest {

    private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withAccounts(150).withDays(70);

    @TempDir
    Path dir;

    @Test
    void shouldWriteByteIdenticalFilesWhenSeedIsSame() throws IOException {
        final Path first = write(SMALL, dir.resolve("first"));
        final Path second = write(SMALL, dir.resolve("second"));

        for (final String file : fileNames()) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void shouldWriteDifferentUsageWhenSeedDiffers() throws IOException {
        final Path first = write(SMALL, dir.resolve("first"));
        final Path second = write(SMALL.withSeed(43L), dir.resolve("second"));

        final String usage = EventKind.USAGE.fileName();
        assertThat(Files.readAllBytes(second.resolve(usage))).isNotEqualTo(Files.readAllBytes(first.resolve(usage)));
    }

    @Test
    void shouldRepeatSameHistoryWhenGeneratorRunsTwice() {
        final HistoryGenerator generator = new HistoryGenerator(SMALL);
        final CollectingSink first = new CollectingSink();
        final CollectingSink second = new CollectingSink();

        generator.generate(first);
        generator.generate(second);

        assertThat(second.usage()).isEqualTo(first.usage());
        assertThat(second.tickets()).isEqualTo(first.tickets());
        assertThat(second.billing()).isEqualTo(first.billing());
    }

    @Test
    void shouldKeepAnAccountsEventsWhenMoreAccountsAreGenerated() {
        final List<UsageEvent> alone = usageOf("acct-00003", SMALL.withAccounts(3));
        final List<UsageEvent> among = usageOf("acct-00003", SMALL);

        assertThat(alone).isNotEmpty().isEqualTo(among);
    }

    private static List<UsageEvent> usageOf(final String accountId, final GeneratorOptions options) {
        final CollectingSink sink = new CollectingSink();
        new HistoryGenerator(options).generate(sink);
        return sink.usage().stream().filter(e -> e.getAccountId().equals(accountId)).toList();
    }

    private static Path write(final GeneratorOptions options, final Path out) throws IOException {
        try (JsonlDirectorySink sink = new JsonlDirectorySink(out)) {
            new HistoryGenerator(options).generate(sink);
        }
        return out;
    }

    private static List<String> fileNames() {
        return Stream.concat(Stream.of(EventKind.values()).map(EventKind::fileName),
                Stream.of(JsonlDirectorySink.TRUTH_FILE)).toList();
    }
}
