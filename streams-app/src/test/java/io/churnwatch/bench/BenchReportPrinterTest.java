package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.bench.ThroughputBench.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchReportPrinterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final RocksDbFigures ROCKSDB = new RocksDbFigures(1 << 20, 1 << 20, 1 << 10, 1 << 10);

    private static final ThreadFigures THREADS = new ThreadFigures(600_000, 1_200, 300, 40, 512.5);

    /** One round in which phase D handles {@code dEvents} in the second phase A handles 1,000,000 in. */
    private static Bench.Report report(final long dEvents, final long p99Nanos, final long pipelineHeap) {
        return report(dEvents, p99Nanos, pipelineHeap, EnumSet.allOf(Phase.class));
    }

    private static Bench.Report report(final long dEvents, final long p99Nanos, final long pipelineHeap,
                                       final Set<Phase> phases) {
        final Map<Phase, List<PhaseResult>> rounds = new EnumMap<>(Phase.class);
        for (final Phase phase : phases) {
            final long events = phase == Phase.D ? dEvents : 1_000_000;
            rounds.put(phase, List.of(new PhaseResult(events, events * 150, new CpuMeter.Usage(SECOND, SECOND, SECOND))));
        }
        final SweepBench.Sweeps sweeps = new SweepBench.Sweeps(10, 10_000_000, 100, 1_000_000);
        final SweepBench.SizeResult size = new SweepBench.SizeResult(1_000, 100, sweeps, sweeps, sweeps,
                Duration.ofSeconds(1), null, new StateFigures(ROCKSDB, 1 << 20, false), 1L << 28,
                (1L << 28) - pipelineHeap);
        return new Bench.Report(new Bench.Machine(2, "JVM 17", "Linux amd64", 1L << 30), BenchOptions.QUICK,
                new Bench.Load(60_000, 3_000, Duration.ofSeconds(3)),
                new ThroughputBench.Result(rounds, new StateFigures(ROCKSDB, 1 << 21, true), THREADS),
                List.of(new Bench.ReplayFigures(63_000, Duration.ofSeconds(10), 1),
                        new Bench.ReplayFigures(63_000, Duration.ofSeconds(7), 2)),
                Optional.of(new LatencyBench.Result(2_000, 16_000, 2_000.0,
                        new LatencyRecorder.Summary(1_000, 0, p99Nanos / 2, p99Nanos, p99Nanos))),
                List.of(size, size), Duration.ofMinutes(2));
    }

    private static List<String> print(final Bench.Report report) {
        final StringWriter out = new StringWriter();
        BenchReportPrinter.print(report, new PrintWriter(out));
        return out.toString().lines().toList();
    }

    @Test
    void shouldPrintARowForEveryPhaseWhenPrinting() {
        final List<String> lines = print(report(600_000, SECOND / 10, 1 << 20));

        for (final Phase phase : Phase.values()) {
            assertThat(lines).anyMatch(line -> line.startsWith(phase.label()));
        }
    }

    @Test
    void shouldPrintThePhasesEventsPerSecondWhenPrinting() {
        assertThat(print(report(600_000, SECOND / 10, 1 << 20)))
                .anyMatch(line -> line.startsWith(Phase.D.label()) && line.contains(" 600,000 "));
    }

    @Test
    void shouldReportTheRatioTargetMetWhenThePipelineReachesHalfTheConsumer() {
        assertThat(print(report(600_000, SECOND / 10, 1 << 20)))
                .anyMatch(line -> line.startsWith("D/A 0.600") && line.endsWith(": met"));
    }

    @Test
    void shouldReportTheRatioTargetMissedWhenThePipelineIsUnderHalfTheConsumer() {
        assertThat(print(report(400_000, SECOND / 10, 1 << 20)))
                .anyMatch(line -> line.startsWith("D/A 0.400") && line.endsWith(": MISSED"));
    }

    @Test
    void shouldReportTheLatencyTargetMissedWhenP99IsASecondOrMore() {
        assertThat(print(report(600_000, SECOND, 1 << 20)))
                .anyMatch(line -> line.startsWith("p50 500 ms   p99 1,000 ms") && line.endsWith(": MISSED"));
    }

    @Test
    void shouldReportTheHeapTargetMissedWhenThePipelineHoldsAGibibyteOrMore() {
        assertThat(print(report(600_000, SECOND / 10, 1L << 30)))
                .anyMatch(line -> line.startsWith("Heap after 1,000 accounts") && line.endsWith(": MISSED"));
    }

    @Test
    void shouldPrintEachReplaysRateAndTheThreadRatioWhenReplaysRanOnOneAndTwoThreads() {
        assertThat(print(report(600_000, SECOND / 10, 1 << 20)))
                .contains("1 stream thread : 63,000 records in 10.0 s, 6,300 records/s   target >= 60,000 records/s: "
                        + "MISSED", "2 stream threads: 63,000 records in 7.0 s, 9,000 records/s   target >= 60,000 "
                        + "records/s: MISSED", "2 threads vs 1: x1.43");
    }

    @Test
    void shouldReportTheDbTargetMissedWhenThePipelineIsUnderFifteenPercentOfThePassthrough() {
        assertThat(print(report(100_000, SECOND / 10, 1 << 20)))
                .anyMatch(line -> line.startsWith("D/B 0.100") && line.endsWith(": MISSED"));
    }

    @Test
    void shouldPrintTheStreamThreadsLoopFiguresWhenDRan() {
        assertThat(print(report(600_000, SECOND / 10, 1 << 20))).contains("Stream thread in the last D round: "
                + "600,000 records, 1,200 polls, 300 punctuations (0.0005 per record), 40 commits, 512.5 records per "
                + "loop (recent average)");
    }

    @Test
    void shouldLeaveOutTheOtherPhasesAndTheRatiosWhenOnlyDRan() {
        final List<String> lines = print(report(600_000, SECOND / 10, 1 << 20, EnumSet.of(Phase.D)));

        assertThat(lines).anyMatch(line -> line.startsWith(Phase.D.label()))
                .noneMatch(line -> line.startsWith(Phase.A.label()) || line.startsWith(Phase.B.label()))
                .noneMatch(line -> line.startsWith("D/A") || line.startsWith("D/B"))
                .noneMatch(line -> line.contains("mean value"));
    }

    @Test
    void shouldLeaveOutTheThroughputTableWhenNoPhaseRan() {
        assertThat(print(report(600_000, SECOND / 10, 1 << 20, EnumSet.noneOf(Phase.class))))
                .noneMatch(line -> line.startsWith("Throughput") || line.startsWith("Stream thread"))
                .anyMatch(line -> line.startsWith("p50 "));
    }

    @Test
    void shouldPrintOneValueWithoutARangeWhenThereWasOneRound() {
        assertThat(BenchReportPrinter.spread(Spread.of(List.of(2.5)), "%.1f")).isEqualTo("2.5");
    }

    @Test
    void shouldPrintTheMedianAndRangeWhenThereWereSeveralRounds() {
        assertThat(BenchReportPrinter.spread(Spread.of(List.of(3.0, 1.0, 2.0)), "%.1f")).isEqualTo("2.0 [1.0 - 3.0]");
    }
}
