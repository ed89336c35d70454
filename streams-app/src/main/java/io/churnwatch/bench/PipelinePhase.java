package io.churnwatch.bench;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.topology.ChurnTopics;
import java.time.Duration;
import java.util.Map;

/**
 * Phase D: the whole churnwatch topology with production settings (see {@link PipelineRun}) and one stream
 * thread, from an empty state, timed from its start until its committed offsets reach the end offsets of the
 * input. Each round has its own application id, state directory and output topics, all deleted afterwards.
 */
final class PipelinePhase {

    private final BenchEnv env;
    private final InputSet input;
    private final int partitions;
    private final Duration timeout;
    private StateFigures lastState;
    private ThreadFigures lastThreads;

    PipelinePhase(final BenchEnv env, final InputSet input, final int partitions, final Duration timeout) {
        this.env = env;
        this.input = input;
        this.partitions = partitions;
        this.timeout = timeout;
    }

    PhaseResult run(final int round) throws InterruptedException {
        final ChurnConfig config = env.derive(Map.of(ChurnConfig.APPLICATION_ID,
                env.config().applicationId() + "-bench-d" + round));
        final ChurnTopics topics = env.topics(config).withOutputPrefix("bench-d" + round);
        try (PipelineRun run = PipelineRun.create(env, config, topics, ChurnMetrics.inMemory(), partitions)) {
            final CpuMeter.Snapshot before = CpuMeter.snapshot();
            run.start().awaitConsumed(input, timeout);
            final CpuMeter.Usage usage = CpuMeter.between(before, CpuMeter.snapshot());
            final RocksDbFigures rocksDb = run.rocksDb();
            lastThreads = run.threads();
            run.stop();
            lastState = new StateFigures(rocksDb, run.stateBytes(), true);
            return new PhaseResult(input.records(), 0, usage);
        }
    }

    /** The state the last round left once it had consumed its input. */
    StateFigures lastState() {
        return lastState;
    }

    /** How the last round's stream thread spent its loops until it had consumed its input. */
    ThreadFigures lastThreads() {
        return lastThreads;
    }
}
