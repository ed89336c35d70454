package io.churnwatch.bench;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.KafkaImporter;
import io.churnwatch.runtime.Replay;
import io.churnwatch.runtime.TopicProvisioner;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code churnwatch bench}, step by step, on a cluster and registry it is given (the CLI gives it the embedded dev
 * stack, so every figure comes from one process run on one broker): load the input once, run the throughput
 * phases in interleaved rounds, replay the loaded history, measure latency at a fixed rate, measure the deadline
 * sweep and the state at each size, or those of these {@link BenchPart}s asked for. Progress goes to {@code progress}
 * as it happens; the figures come back as a {@link Report} (see {@link BenchReportPrinter}). It prints figures and
 * judges nothing but the stated targets.
 */
public final class Bench {

    /** What the machine is, as far as the JVM can tell. */
    public record Machine(int cores, String jvm, String os, long maxHeapBytes) {

        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Runtime.getRuntime().maxMemory());
        }
    }

    /** The load: input records (events and profiles) written once, and how long it took. */
    public record Load(long events, long profiles, Duration took) {
    }

    /** A replay of the loaded history through {@link Replay} on {@code threads} stream threads. */
    public record ReplayFigures(long records, Duration took, int threads) {

        public double recordsPerSecond() {
            return records / Math.max(took.toMillis() / 1e3, 0.001);
        }
    }

    /** Every figure of a run; a part that did not run has no rounds, no replays, no latency or no sweeps. */
    public record Report(Machine machine, BenchOptions options, Load load, ThroughputBench.Result throughput,
                         List<ReplayFigures> replays, Optional<LatencyBench.Result> latency,
                         List<SweepBench.SizeResult> sweeps, Duration took) {
    }

    private static final Instant HISTORY_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration REPLAY_TIMEOUT = Duration.ofHours(2);

    private final ChurnConfig config;
    private final BenchOptions options;
    private final Set<BenchPart> parts;
    private final PrintWriter progress;

    /**
     * @param config the cluster, registry and churnwatch settings; one stream thread unless it says otherwise
     * @param parts  the parts to measure
     */
    public Bench(final ChurnConfig config, final BenchOptions options, final Set<BenchPart> parts,
                 final PrintWriter progress) {
        this.config = config;
        this.options = options;
        this.parts = Set.copyOf(parts);
        this.progress = progress;
    }

    public Report run() throws InterruptedException {
        final long started = System.nanoTime();
        try (BenchEnv env = new BenchEnv(config)) {
            final Load load = load();
            step("Loaded %,d events and %,d profiles in %.1f s", load.events(), load.profiles(),
                    load.took().toMillis() / 1e3);
            final InputSet input = env.input(Arrays.stream(EventKind.values())
                    .map(kind -> config.getString(kind.configKey())).toList());
            final Set<ThroughputBench.Phase> phases = Arrays.stream(ThroughputBench.Phase.values())
                    .filter(phase -> parts.contains(BenchPart.valueOf(phase.name()))).collect(Collectors.toSet());
            final ThroughputBench.Result throughput = new ThroughputBench(env, input, options.partitions(), progress,
                    phases).run(options.rounds());
            final List<ReplayFigures> replays = parts.contains(BenchPart.REPLAY) ? replays(env) : List.of();
            final Optional<LatencyBench.Result> latency = parts.contains(BenchPart.LATENCY)
                    ? Optional.of(latency(env)) : Optional.empty();
            final List<SweepBench.SizeResult> sweeps = parts.contains(BenchPart.SWEEP)
                    ? new SweepBench(env, options, progress).run() : List.of();
            return new Report(Machine.current(), options, load, throughput, replays, latency, sweeps,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Load load() {
        try (TopicProvisioner topics = TopicProvisioner.create(config, Duration.ofSeconds(60))) {
            topics.create().error().ifPresent(error -> {
                throw new IllegalStateException(error);
            });
        }
        final long started = System.nanoTime();
        final BenchHistory history = new BenchHistory(options.accounts(), options.seed());
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            history.profiles(HISTORY_START, importer);
            history.events(options.events(), HISTORY_START, Duration.ofDays(options.days()), importer);
            importer.flush();
        }
        return new Load(options.events(), options.accounts(), Duration.ofNanos(System.nanoTime() - started));
    }

    private LatencyBench.Result latency(final BenchEnv env) throws InterruptedException {
        final LatencyBench.Result latency = new LatencyBench(env, options).run();
        step("Latency run: %,d events sent", latency.sent());
        return latency;
    }

    /** One thread (the per-thread figure of phase D), then one per core as {@code churnwatch replay} runs. */
    private List<ReplayFigures> replays(final BenchEnv env) throws InterruptedException {
        final List<ReplayFigures> replays = new ArrayList<>();
        for (final int threads : new TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors()))) {
            final ReplayFigures replay = replay(env, threads);
            step("Replayed %,d records in %.1f s on %d stream thread(s)", replay.records(),
                    replay.took().toMillis() / 1e3, threads);
            replays.add(replay);
        }
        return replays;
    }

    private ReplayFigures replay(final BenchEnv env, final int threads) throws InterruptedException {
        final String prefix = "bench-replay-" + threads;
        env.registerSchemas(env.topics(config).withOutputPrefix(prefix));
        final Replay.Summary summary = new Replay(config, prefix, Instant.EPOCH, null).withThreads(threads)
                .run(env.topics(config), ChurnMetrics.inMemory(), false, REPLAY_TIMEOUT);
        env.deleteTopics(env.topicsStartingWith(prefix + "."));
        return new ReplayFigures(summary.recordsConsumed(), summary.took(), summary.threads());
    }

    private void step(final String format, final Object... args) {
        progress.printf(Locale.ROOT, format + "%n", args);
        progress.flush();
    }
}
