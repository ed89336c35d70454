package io.churnwatch.cli;

import io.churnwatch.bench.Bench;
import io.churnwatch.bench.BenchOptions;
import io.churnwatch.bench.BenchPart;
import io.churnwatch.bench.BenchReportPrinter;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.TopicsConfig;
import io.churnwatch.embedded.DevStack;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code churnwatch bench}: the performance figures, measured in one process on an embedded broker and registry
 * (see {@link Bench}). Sizes default to the full benchmark; {@code --quick} selects small ones, and any size given
 * explicitly wins over either. {@code --parts} measures some parts only (see {@link BenchPart}).
 */
@Command(name = "bench",
        description = "Measure throughput against the raw-consumer limit, latency, the deadline sweep, state size "
                + "and replay speed on an embedded Kafka and schema registry.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--quick", description = "Small sizes that finish in under two minutes (what CI runs).")
    private boolean quick;

    @Option(names = "--events", description = "Events to load (default 5,000,000; quick 60,000).")
    private Long events;

    @Option(names = "--accounts", description = "Accounts the events are spread over (default 100,000; quick 3,000).")
    private Integer accounts;

    @Option(names = "--days", description = "Days of event time the events span (default 90).")
    private Integer days;

    @Option(names = "--rounds", description = "Interleaved rounds of the throughput phases (default 3; quick 2).")
    private Integer rounds;

    @Option(names = "--partitions", description = "Partitions of each input topic (default 6; quick 2).")
    private Integer partitions;

    @Option(names = "--rate", description = "Events per second of the latency run (default 10,000; quick 2,000).")
    private Integer rate;

    @Option(names = "--latency-seconds", description = "Length of the latency run (default 60; quick 8).")
    private Integer latencySeconds;

    @Option(names = "--warmup-seconds", description = "First seconds of the latency run left out (default 10; quick 2).")
    private Integer warmupSeconds;

    @Option(names = "--sweep-accounts", split = ",", paramLabel = "<n>",
            description = "Accounts tracked in each sweep measurement (default 10000,100000,1000000; quick 1000,10000).")
    private List<Integer> sweepAccounts;

    @Option(names = "--sweep-expiring", description = "Accounts expiring during the measured sweeps (default 3,000; "
            + "quick 200).")
    private Integer sweepExpiring;

    @Option(names = "--sweep-ticks", description = "Sweeps measured per size (default 60; quick 20).")
    private Integer sweepTicks;

    @Option(names = "--seed", description = "Seed of the generated events (default 42).")
    private Long seed;

    @Option(names = "--parts", split = ",", paramLabel = "<part>",
            description = "Parts to measure, of A,B,C,D,replay,latency,sweep (default all); e.g. D to profile the "
                    + "topology alone. A ratio is printed only when both its phases ran.")
    private List<String> parts;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final BenchOptions options = options();
        final Set<BenchPart> measured = parts();
        final PrintWriter out = spec.commandLine().getOut();
        out.println("Starting an embedded Kafka broker (KRaft) and schema registry...");
        out.flush();
        try (DevStack stack = DevStack.start()) {
            final ChurnConfig config = benchConfig(stack, options);
            out.printf(Locale.ROOT, "Benchmark: %,d events over %,d accounts, %d round(s), %d partitions, "
                    + "%s stream thread(s)%n", options.events(), options.accounts(), options.rounds(),
                    options.partitions(), config.originals().get("num.stream.threads"));
            out.flush();
            final Bench.Report report = new Bench(config, options, measured, out).run();
            BenchReportPrinter.print(report, out);
        }
        return 0;
    }

    private BenchOptions options() {
        final BenchOptions base = quick ? BenchOptions.QUICK : BenchOptions.DEFAULTS;
        try {
            return new BenchOptions(or(events, base.events()), or(accounts, base.accounts()), or(days, base.days()),
                    or(rounds, base.rounds()), or(partitions, base.partitions()), or(rate, base.rate()),
                    or(latencySeconds, base.latencySeconds()), or(warmupSeconds, base.warmupSeconds()),
                    or(sweepAccounts, base.sweepAccounts()), or(sweepExpiring, base.sweepExpiring()),
                    or(sweepTicks, base.sweepTicks()), or(seed, base.seed()));
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Set<BenchPart> parts() {
        try {
            return parts == null ? BenchPart.all() : BenchPart.parse(parts);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static <T> T or(final T given, final T fallback) {
        return Optional.ofNullable(given).orElse(fallback);
    }

    /** Every pipeline of the benchmark gets a state directory of its own: state.dir is not used. */
    private ChurnConfig benchConfig(final DevStack stack, final BenchOptions options) {
        final Map<String, Object> settings = new HashMap<>(configOptions.load().originals());
        settings.put(ChurnConfig.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        settings.put(ChurnConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        settings.putIfAbsent(ChurnConfig.APPLICATION_ID, "churnwatch-bench");
        settings.put(TopicsConfig.PARTITIONS, options.partitions());
        // Phase D measures one stream thread, as the issue asks: the per-thread cost is what scales out.
        settings.putIfAbsent("num.stream.threads", 1);
        return new ChurnConfig(settings);
    }
}
