package io.churnwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.jsonl.EventKind;
import io.churnwatch.jsonl.JsonlReader;
import io.churnwatch.jsonl.ParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonlDirectorySinkTest {

    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withAccounts(120).withDays(63);

    @TempDir
    static Path dir;
    private static HistoryGenerator generator;
    private static GenerationStats stats;

    @BeforeAll
    static void writeDataSet() throws IOException {
        generator = new HistoryGenerator(OPTIONS);
        try (JsonlDirectorySink sink = new JsonlDirectorySink(dir)) {
            stats = generator.generate(sink);
        }
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void shouldWriteFeedThatParsesBackCompletelyWhenGenerated(final EventKind kind) throws IOException {
        final Map<EventKind, Long> expected = Map.of(EventKind.ACCOUNTS, stats.accounts(),
                EventKind.USAGE, stats.usageEvents(), EventKind.TICKETS, stats.ticketEvents(),
                EventKind.BILLING, stats.billingEvents());

        final List<ParseResult<? extends SpecificRecord>> results;
        try (JsonlReader<? extends SpecificRecord> reader = JsonlReader.open(dir.resolve(kind.fileName()),
                kind.codec())) {
            results = reader.stream().<ParseResult<? extends SpecificRecord>>map(r -> r).toList();
        }

        assertThat(results).hasSize(expected.get(kind).intValue()).allMatch(ParseResult::isOk);
    }

    @Test
    void shouldWriteGroundTruthThatReadsBackWhenGenerated() {
        assertThat(GroundTruthJson.read(dir.resolve(JsonlDirectorySink.TRUTH_FILE)))
                .isEqualTo(generator.groundTruth());
    }
}
