package io.churnwatch.bench;

import java.util.List;

/**
 * The sizes of one {@code churnwatch bench} run.
 *
 * @param events         input events loaded once and read by every throughput phase (account profiles come on
 *                       top, one per account)
 * @param accounts       accounts the events are spread over
 * @param days           event-time span of the loaded history
 * @param rounds         interleaved rounds of the throughput phases A, B, C, D (median and spread are reported)
 * @param partitions     partitions of every input topic
 * @param rate           input events per second of the latency run
 * @param latencySeconds length of the latency run, warm-up included
 * @param warmupSeconds  first seconds of the latency run left out of the percentiles
 * @param sweepAccounts  accounts tracked in each silence-sweep measurement, e.g. 10k, 100k, 1M
 * @param sweepExpiring  accounts whose silence deadline falls in the measured sweeps, the same at every size
 * @param sweepTicks     stream-time sweeps measured per size (the first half with accounts expiring, then idle)
 * @param seed           seed of every generated event
 */
public record BenchOptions(long events, int accounts, int days, int rounds, int partitions, int rate,
                           int latencySeconds, int warmupSeconds, List<Integer> sweepAccounts, int sweepExpiring,
                           int sweepTicks, long seed) {

    /** The full benchmark of the issue: 5M events over 100k accounts, 10k events/s, sweeps up to 1M accounts. */
    public static final BenchOptions DEFAULTS = new BenchOptions(5_000_000, 100_000, 90, 3, 6, 10_000, 60, 10,
            List.of(10_000, 100_000, 1_000_000), 3_000, 60, 42);

    /** Small sizes that finish in under two minutes on two cores: checks that the harness runs, in CI. */
    public static final BenchOptions QUICK = new BenchOptions(60_000, 3_000, 90, 2, 2, 2_000, 8, 2,
            List.of(1_000, 10_000), 200, 20, 42);

    public BenchOptions {
        sweepAccounts = List.copyOf(sweepAccounts);
        require(events >= 1_000 && events <= 1_000_000_000L, "--events must be between 1000 and 1000000000");
        require(accounts >= 1 && accounts <= events, "--accounts must be between 1 and --events");
        require(days >= 1 && days <= 3660, "--days must be between 1 and 3660");
        require(rounds >= 1 && rounds <= 20, "--rounds must be between 1 and 20");
        require(partitions >= 1 && partitions <= 64, "--partitions must be between 1 and 64");
        require(rate >= 1 && rate <= 1_000_000, "--rate must be between 1 and 1000000 events/s");
        require(latencySeconds >= 1 && latencySeconds <= 3600, "--latency-seconds must be between 1 and 3600");
        require(warmupSeconds >= 0 && warmupSeconds < latencySeconds,
                "--warmup-seconds must be at least 0 and less than --latency-seconds");
        require(sweepExpiring >= 1, "--sweep-expiring must be at least 1");
        require(sweepTicks >= 2 && sweepTicks <= 10_000, "--sweep-ticks must be between 2 and 10000");
        require(!sweepAccounts.isEmpty() && sweepAccounts.stream().allMatch(n -> n >= 1 && n <= 10_000_000),
                "--sweep-accounts must list sizes between 1 and 10000000");
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
