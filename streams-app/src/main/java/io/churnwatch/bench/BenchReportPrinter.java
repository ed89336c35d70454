package io.churnwatch.bench;

import io.churnwatch.bench.ThroughputBench.Phase;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link Bench.Report} as plain-text tables, with the targets churnwatch reports against and whether
 * each was met. Figures from several rounds are printed as {@code median [min – max]}. A part that did not run is
 * left out, and so is a ratio whose two phases did not both run.
 */
public final class BenchReportPrinter {

    /** D/A at least this. */
    static final double TARGET_RATIO = 0.5;
    /** D/B at least this (issue #14). */
    static final double TARGET_DB_RATIO = 0.15;
    /** p99 latency under this at the default rate. */
    static final long TARGET_P99_NANOS = 1_000_000_000L;
    /** Heap of the pipeline under this at 1M accounts. */
    static final long TARGET_HEAP_BYTES = 1L << 30;
    /** A sweep with the same accounts expiring may cost at most this factor more at the largest size. */
    static final double SWEEP_GROWTH_LIMIT = 2.0;
    /** Records/s a replay reaches at least (issue #14, with all cores used). */
    static final long REPLAY_TARGET = 60_000;

    private static final double MIB = 1024.0 * 1024.0;

    private BenchReportPrinter() {
    }

    public static void print(final Bench.Report report, final PrintWriter out) {
        final BenchOptions options = report.options();
        final Bench.Machine machine = report.machine();
        out.println();
        out.printf(Locale.ROOT, "Machine: %d cores, %s, %s, max heap %.0f MiB%n", machine.cores(), machine.jvm(),
                machine.os(), machine.maxHeapBytes() / MIB);
        final ThroughputBench.Result throughput = report.throughput();
        out.printf(Locale.ROOT, "Input: %,d events + %,d account profiles over %,d accounts, %d days of event time, "
                        + "%d partitions per topic%s; loaded in %.1f s%n", report.load().events(),
                report.load().profiles(), options.accounts(), options.days(), options.partitions(),
                throughput.ran(Phase.A) ? String.format(Locale.ROOT, ", mean value %.0f bytes",
                        throughput.meanValueBytes()) : "", report.load().took().toMillis() / 1e3);
        if (!throughput.rounds().isEmpty()) {
            printThroughput(throughput, options.rounds(), options.accounts(), out);
        }
        if (!report.replays().isEmpty()) {
            printReplays(report.replays(), out);
        }
        report.latency().ifPresent(latency -> printLatency(latency, options, out));
        if (!report.sweeps().isEmpty()) {
            printSweeps(report.sweeps(), options, out);
        }
        out.printf(Locale.ROOT, "%nThe whole benchmark took %.1f min.%n", report.took().toMillis() / 60e3);
        out.flush();
    }

    private static void printThroughput(final ThroughputBench.Result result, final int rounds, final int accounts,
                                        final PrintWriter out) {
        out.printf(Locale.ROOT, "%nThroughput, %d interleaved round%s, median [min - max] (CPU: process = whole JVM "
                + "incl. the embedded broker; client = threads the phase started + the caller; C: serde thread)%n",
                rounds, rounds == 1 ? "" : "s");
        row(out, "%-48s %-34s %-26s %s", "phase", "events/s", "CPU us/event, process", "CPU us/event, client");
        for (final Phase phase : result.rounds().keySet()) {
            row(out, "%-48s %-34s %-26s %s", phase.label(), spread(result.eventsPerSecond(phase), "%,.0f"),
                    spread(result.processCpu(phase), "%.2f"), spread(result.clientCpu(phase), "%.2f"));
        }
        if (!result.ran(Phase.D)) {
            return;
        }
        if (result.ran(Phase.A)) {
            final Spread da = result.ratio(Phase.D, Phase.A);
            out.printf(Locale.ROOT, "D/A %s   target >= %.1f: %s%n", spread(da, "%.3f"), TARGET_RATIO,
                    verdict(da.median() >= TARGET_RATIO));
        }
        if (result.ran(Phase.B)) {
            out.printf(Locale.ROOT, "D/B %s   target >= %.2f: %s%n", spread(result.ratio(Phase.D, Phase.B), "%.3f"),
                    TARGET_DB_RATIO, verdict(result.ratio(Phase.D, Phase.B).median() >= TARGET_DB_RATIO));
        }
        out.printf(Locale.ROOT, "State after the last D round, %,d accounts: %s%n", accounts,
                state(result.stateAfterD(), accounts));
        out.printf(Locale.ROOT, "Stream thread in the last D round: %s%n", threads(result.threadsAfterD()));
    }

    /** The loop figures of a stream thread: a punctuation or commit per record shows as few records per loop. */
    static String threads(final ThreadFigures threads) {
        return String.format(Locale.ROOT, "%,d records, %,d polls, %,d punctuations (%.4f per record), %,d commits, "
                        + "%.1f records per loop (recent average)", threads.records(), threads.polls(),
                threads.punctuations(), threads.punctuationsPerRecord(), threads.commits(),
                threads.recordsPerLoopAvg());
    }

    /** RocksDB data and keys while running, bytes on disk after a clean close, native memory. */
    static String state(final StateFigures state, final long accounts) {
        final RocksDbFigures rocksDb = state.rocksDb();
        return String.format(Locale.ROOT, "RocksDB data %.1f MiB (SST %.1f + memtables %.1f; %.0f bytes/account), "
                        + "%.1f MiB on disk %s, off-heap %.1f MiB (memtables, block cache, index/filter)",
                rocksDb.dataBytes() / MIB, rocksDb.sstBytes() / MIB, rocksDb.memtableBytes() / MIB,
                (double) rocksDb.dataBytes() / Math.max(1, accounts), state.diskBytes() / MIB,
                state.afterClose() ? "after close" : "while running", rocksDb.offHeapBytes() / MIB);
    }

    private static void printReplays(final List<Bench.ReplayFigures> replays, final PrintWriter out) {
        out.printf(Locale.ROOT, "%nReplay (churnwatch replay of the loaded history; start-up and clean-up included)%n");
        for (final Bench.ReplayFigures replay : replays) {
            out.printf(Locale.ROOT, "%d stream thread%s: %,d records in %.1f s, %,.0f records/s   target >= %,d "
                            + "records/s: %s%n", replay.threads(), replay.threads() == 1 ? " " : "s", replay.records(),
                    replay.took().toMillis() / 1e3, replay.recordsPerSecond(), REPLAY_TARGET,
                    verdict(replay.recordsPerSecond() >= REPLAY_TARGET));
        }
        if (replays.size() > 1) {
            final Bench.ReplayFigures last = replays.get(replays.size() - 1);
            out.printf(Locale.ROOT, "%d threads vs 1: x%.2f%n", last.threads(),
                    last.recordsPerSecond() / replays.get(0).recordsPerSecond());
        }
    }

    private static void printLatency(final LatencyBench.Result latency, final BenchOptions options,
                                     final PrintWriter out) {
        final LatencyRecorder.Summary summary = latency.latency();
        out.printf(Locale.ROOT, "%nLatency, event sent -> output read by a read_committed consumer, at %,d events/s "
                        + "for %d s (first %d s left out): %,d events sent at %,.0f/s, %,d outputs matched (%,d from "
                        + "sweeps or the warm-up not matched)%n", latency.rate(), options.latencySeconds(),
                options.warmupSeconds(), latency.sent(), latency.achievedRate(), summary.matched(),
                summary.unmatched());
        out.printf(Locale.ROOT, "p50 %s   p99 %s   max %s   target p99 < 1 s: %s%n", millis(summary.p50Nanos()),
                millis(summary.p99Nanos()), millis(summary.maxNanos()),
                verdict(summary.matched() > 0 && summary.p99Nanos() < TARGET_P99_NANOS));
    }

    private static void printSweeps(final List<SweepBench.SizeResult> sizes, final BenchOptions options,
                                    final PrintWriter out) {
        out.printf(Locale.ROOT, "%nSilence sweep (one per sweep interval of stream time; 1 partition; %,d accounts "
                + "expire during the first %d of %d sweeps, none during the rest; then the first sweep after midnight, "
                + "when every account is re-evaluated)%n",
                options.sweepExpiring(), options.sweepTicks() / 2, options.sweepTicks());
        row(out, "%-16s %-26s %-22s %-28s %s", "accounts", "expiring: examined/sweep", "median us/sweep",
                "no one due: median us/sweep", "after midnight: examined, s, us/acct");
        for (final SweepBench.SizeResult size : sizes) {
            final SweepBench.Sweeps midnight = size.dayBoundary();
            row(out, "%-16s %-26s %-22s %-28s %s", String.format(Locale.ROOT, "%,d", size.tracked()),
                    String.format(Locale.ROOT, "%.1f", size.expiringSweeps().examinedPerSweep()),
                    String.format(Locale.ROOT, "%,.0f", size.expiringSweeps().medianMicros()),
                    String.format(Locale.ROOT, "%,.0f", size.idleSweeps().medianMicros()),
                    size.failure() == null
                            ? String.format(Locale.ROOT, "%,d, %.2f, %.1f", midnight.examined(),
                                    midnight.totalNanos() / 1e9, midnight.totalNanos() / 1e3 / Math.max(1, midnight.examined()))
                            : String.format(Locale.ROOT, "NOT DONE after %.0f s: %s", size.dayBoundaryWait()
                                    .toMillis() / 1e3, size.failure()));
        }
        final SweepBench.SizeResult smallest = sizes.get(0);
        final SweepBench.SizeResult largest = sizes.get(sizes.size() - 1);
        final double growth = largest.expiringSweeps().medianMicros()
                / Math.max(1, smallest.expiringSweeps().medianMicros());
        out.printf(Locale.ROOT, "Sweep cost with the same accounts expiring, %,d vs %,d accounts tracked: x%.2f   "
                + "target independent of idle accounts (x < %.0f): %s%n", largest.tracked(), smallest.tracked(),
                growth, SWEEP_GROWTH_LIMIT, verdict(growth < SWEEP_GROWTH_LIMIT));
        out.printf(Locale.ROOT, "State after %,d accounts: %s%n", largest.tracked(),
                state(largest.state(), largest.tracked()));
        out.printf(Locale.ROOT, "Heap after %,d accounts: %.0f MiB used after GC, %.0f MiB of it the pipeline's (the "
                        + "rest is the embedded broker and the bench)   target < 1 GiB: %s%n", largest.tracked(),
                largest.heapUsedBytes() / MIB, largest.pipelineHeapBytes() / MIB,
                verdict(largest.pipelineHeapBytes() < TARGET_HEAP_BYTES));
    }

    /** One table row; the last column is not padded. */
    private static void row(final PrintWriter out, final String format, final Object... columns) {
        out.println(String.format(Locale.ROOT, format, columns));
    }

    static String spread(final Spread spread, final String format) {
        final String median = String.format(Locale.ROOT, format, spread.median());
        if (spread.count() == 1) {
            return median;
        }
        return median + " [" + String.format(Locale.ROOT, format, spread.min()) + " - "
                + String.format(Locale.ROOT, format, spread.max()) + "]";
    }

    private static String millis(final long nanos) {
        return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
    }

    private static String verdict(final boolean met) {
        return met ? "met" : "MISSED";
    }
}
