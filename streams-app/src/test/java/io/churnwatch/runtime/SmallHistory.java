package io.churnwatch.runtime;

import io.churnwatch.generate.CollectingSink;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.generate.JsonlDirectorySink;
import java.io.IOException;
import java.nio.file.Path;

/** A small seeded history, in memory and as the JSONL files of {@code churnwatch generate}. */
final class SmallHistory {

    static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withAccounts(12)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(11L);

    private SmallHistory() {
    }

    /** The history's records as the generator emits them. */
    static CollectingSink records() {
        final CollectingSink sink = new CollectingSink();
        new HistoryGenerator(OPTIONS).generate(sink);
        return sink;
    }

    /** Writes the history's data set into {@code dir}. */
    static Path writeTo(final Path dir) throws IOException {
        try (JsonlDirectorySink sink = new JsonlDirectorySink(dir)) {
            new HistoryGenerator(OPTIONS).generate(sink);
        }
        return dir;
    }
}
