package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code churnwatch bench} end to end on the embedded broker and registry, at the smallest sizes: every part of
 * the benchmark runs and prints its figures. The figures themselves are not checked (they are timings).
 */
class BenchCommandIT {

    @Test
    void shouldPrintEveryFigureWhenRunAtTinySizes() {
        final CliRun run = CliRun.run(Map.of(), "bench", "--events", "2000", "--accounts", "50", "--rounds", "1",
                "--partitions", "1", "--rate", "500", "--latency-seconds", "3", "--warmup-seconds", "1",
                "--sweep-accounts", "20,40", "--sweep-expiring", "4", "--sweep-ticks", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).as(run.out())
                .anyMatch(line -> line.startsWith("A raw consumer"))
                .anyMatch(line -> line.startsWith("B consume+produce passthrough"))
                .anyMatch(line -> line.startsWith("C serde decode+encode"))
                .anyMatch(line -> line.startsWith("D churnwatch topology"))
                .anyMatch(line -> line.startsWith("D/A "))
                .anyMatch(line -> line.startsWith("Stream thread in the last D round: "))
                .anyMatch(line -> line.startsWith("Replay "))
                .anyMatch(line -> line.startsWith("p50 "))
                .anyMatch(line -> line.startsWith("40 "))
                .anyMatch(line -> line.startsWith("Heap after 40 accounts"));
    }

    @Test
    void shouldMeasureOnlyTheNamedPartsWhenPartsAreGiven() {
        final CliRun run = CliRun.run(Map.of(), "bench", "--events", "2000", "--accounts", "50", "--rounds", "1",
                "--partitions", "1", "--parts", "D");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).as(run.out())
                .anyMatch(line -> line.startsWith("D churnwatch topology"))
                .anyMatch(line -> line.startsWith("Stream thread in the last D round: 2,"))
                .noneMatch(line -> line.startsWith("A raw consumer") || line.startsWith("D/A "))
                .noneMatch(line -> line.startsWith("Replay ") || line.startsWith("p50 ") || line.startsWith("Heap "));
    }
}
