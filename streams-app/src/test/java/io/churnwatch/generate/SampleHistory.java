package io.churnwatch.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One generated history shared by the tests that only read it (generated once per test JVM). */
final class SampleHistory {

    static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withAccounts(800).withSeed(7L);

    private static final SampleHistory INSTANCE = new SampleHistory();

    final CollectingSink sink = new CollectingSink();
    final GenerationStats stats;
    final Map<String, GroundTruth> truths;

    private SampleHistory() {
        stats = new HistoryGenerator(OPTIONS).generate(sink);
        truths = sink.truths().stream().collect(Collectors.toMap(GroundTruth::accountId, Function.identity()));
    }

    static SampleHistory get() {
        return INSTANCE;
    }

    List<GroundTruth> truths(final Archetype archetype) {
        return sink.truths().stream().filter(t -> t.archetype() == archetype).toList();
    }

    /** 0-based day of the history that {@code at} falls on. */
    static int day(final Instant at) {
        return (int) Duration.between(OPTIONS.start(), at).toDays();
    }
}
