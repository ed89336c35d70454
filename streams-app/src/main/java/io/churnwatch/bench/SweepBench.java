package io.churnwatch.bench;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.Segment;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.KafkaImporter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The deadline sweep at several numbers of tracked accounts (see {@link SweepScenario}), each on a fresh pipeline
 * with one partition per topic (one task, one stream time), with the sweep's own meters
 * ({@code churnwatch.sweep.duration}, {@code churnwatch.sweep.accounts.examined}) read before and after each step.
 * After the last step the state on disk and the heap are measured: the heap is the used heap after a full
 * collection, and the pipeline's share is that minus the same figure taken before the pipeline started (the
 * embedded broker lives in this JVM too).
 */
final class SweepBench {

    /**
     * Sweeps between two readings of the meters.
     *
     * @param medianNanos median duration of the sweeps measured one by one (the mean when they were not)
     */
    record Sweeps(long count, long totalNanos, long examined, double medianNanos) {

        /** The sweeps since {@code earlier}, measured together. */
        Sweeps minus(final Sweeps earlier) {
            final long sweeps = count - earlier.count;
            final long nanos = totalNanos - earlier.totalNanos;
            return new Sweeps(sweeps, nanos, examined - earlier.examined, sweeps == 0 ? 0 : (double) nanos / sweeps);
        }

        /** Sweeps measured one by one, summed, with the median of their durations. */
        static Sweeps combine(final List<Sweeps> each) {
            final List<Double> durations = each.stream().filter(s -> s.count() > 0)
                    .map(s -> (double) s.totalNanos() / s.count()).toList();
            return new Sweeps(each.stream().mapToLong(Sweeps::count).sum(),
                    each.stream().mapToLong(Sweeps::totalNanos).sum(), each.stream().mapToLong(Sweeps::examined).sum(),
                    durations.isEmpty() ? 0 : Spread.of(durations).median());
        }

        double medianMicros() {
            return medianNanos / 1e3;
        }

        double examinedPerSweep() {
            return count == 0 ? 0 : (double) examined / count;
        }
    }

    /**
     * The figures of one size. State and heap are measured before the day-boundary tick. {@code failure} says why
     * the day-boundary sweep did not finish (null if it did), {@code dayBoundaryWait} how long it was waited for.
     */
    record SizeResult(int tracked, int expiring, Sweeps expiringSweeps, Sweeps idleSweeps, Sweeps dayBoundary,
                      Duration dayBoundaryWait, String failure, StateFigures state, long heapUsedBytes,
                      long heapBaselineBytes) {

        /** Heap the pipeline holds: used heap after GC with it running, minus the same before it started. */
        long pipelineHeapBytes() {
            return heapUsedBytes - heapBaselineBytes;
        }
    }

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration DAY_BOUNDARY_TIMEOUT = Duration.ofMinutes(10);

    private final BenchEnv env;
    private final BenchOptions options;
    private final PrintWriter progress;

    SweepBench(final BenchEnv env, final BenchOptions options, final PrintWriter progress) {
        this.env = env;
        this.options = options;
        this.progress = progress;
    }

    List<SizeResult> run() {
        return options.sweepAccounts().stream().map(this::runSize).toList();
    }

    private SizeResult runSize(final int tracked) {
        final String prefix = "bench-sweep-" + tracked;
        final ChurnConfig config = env.withTopicPrefix(prefix, Map.of(ChurnConfig.APPLICATION_ID,
                env.config().applicationId() + "-" + prefix));
        final List<String> inputs = Arrays.stream(EventKind.values()).map(k -> config.getString(k.configKey()))
                .toList();
        final SweepScenario scenario = new SweepScenario(tracked, options.sweepExpiring(), options.sweepTicks(),
                Duration.ofMillis(config.getLong(ChurnConfig.SWEEP_INTERVAL_MS)),
                Duration.ofDays(config.signals().silenceDays(Segment.LOW_TOUCH)), DAY);
        env.createTopics(inputs, 1);
        final MeterRegistry meters = new SimpleMeterRegistry();
        try (PipelineRun run = PipelineRun.create(env, config, env.topics(config), new ChurnMetrics(meters), 1)) {
            send(config, scenario::setup);
            final long heapBaseline = heapAfterGc();
            run.start().awaitConsumed(env.input(inputs), STEP_TIMEOUT);
            progress.printf(Locale.ROOT, "  sweep: %,d accounts tracked, set up%n", tracked);
            progress.flush();
            final Sweeps expiringSweeps = tick(config, run, inputs, meters, 1, scenario.expiringTicks(), scenario);
            final Sweeps idleSweeps = tick(config, run, inputs, meters, scenario.expiringTicks() + 1,
                    options.sweepTicks(), scenario);
            final long heap = heapAfterGc();
            final StateFigures state = new StateFigures(run.rocksDb(), run.stateBytes(), false);
            final Sweeps afterIdle = read(meters);
            final long sent = System.nanoTime();
            send(config, scenario::dayBoundary);
            final String failure = awaitDayBoundary(run, env.input(inputs));
            final Duration waited = Duration.ofNanos(System.nanoTime() - sent);
            return new SizeResult(tracked, options.sweepExpiring(), expiringSweeps, idleSweeps,
                    read(meters).minus(afterIdle), waited, failure, state, heap, heapBaseline);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            env.deleteTopics(inputs);
        }
    }

    /**
     * Sends ticks {@code from} to {@code to} one at a time, each once the previous one is consumed, so that the
     * sweep meters read around a tick measure the sweep that tick started and nothing else.
     */
    private Sweeps tick(final ChurnConfig config, final PipelineRun run, final List<String> inputs,
                        final MeterRegistry meters, final int from, final int to, final SweepScenario scenario)
            throws InterruptedException {
        final List<Sweeps> each = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            final int tick = k;
            final Sweeps before = read(meters);
            send(config, sink -> scenario.ticks(tick, tick, sink));
            run.awaitConsumed(env.input(inputs), STEP_TIMEOUT);
            each.add(read(meters).minus(before));
        }
        return Sweeps.combine(each);
    }

    /**
     * Waits until the day-boundary tick is consumed. Gives up at the first rebalance: the thread was fenced because
     * the sweep held its transaction open past {@code transaction.timeout.ms}; Kafka Streams then restores the
     * task and runs the same sweep again, which fails the same way.
     *
     * @return why it did not finish, or null when it did
     */
    private String awaitDayBoundary(final PipelineRun run, final InputSet input) throws InterruptedException {
        try {
            env.awaitCommitted(run.applicationId(), input, run.pipeline()::sweeping,
                    () -> run.pipeline().failed() || run.rebalancing(), DAY_BOUNDARY_TIMEOUT);
            return null;
        } catch (final IllegalStateException e) {
            return run.rebalancing() ? "fenced: the sweep outlived the transaction timeout; it is retried" : e.getMessage();
        }
    }

    private static void send(final ChurnConfig config, final Consumer<KafkaImporter> events) {
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            events.accept(importer);
            importer.flush();
        }
    }

    private static Sweeps read(final MeterRegistry meters) {
        final Timer duration = meters.get("churnwatch.sweep.duration").timer();
        final DistributionSummary examined = meters.get("churnwatch.sweep.accounts.examined").summary();
        return new Sweeps(duration.count(), (long) duration.totalTime(TimeUnit.NANOSECONDS),
                (long) examined.totalAmount(), 0);
    }

    /** Used heap after full collections (several, as one may leave objects queued for finalization). */
    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
