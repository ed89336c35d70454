package io.churnwatch.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The throughput phases A, B, C and D (or those asked for), interleaved round after round over the same loaded
 * input, so that a machine busier in one minute than in the next spreads its noise over every phase rather than
 * biasing one. The ratios D/A and D/B are taken within each round.
 */
final class ThroughputBench {

    /** The phases, in the order each round runs them. */
    enum Phase {
        A("A raw consumer (byte[])"),
        B("B consume+produce passthrough (EOS)"),
        C("C serde decode+encode (in memory)"),
        D("D churnwatch topology (EOS, RocksDB, 1 thread)");

        private final String label;

        Phase(final String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * Every round's result of every phase that ran, and the state and thread figures the last D round left (null
     * when D did not run).
     */
    record Result(Map<Phase, List<PhaseResult>> rounds, StateFigures stateAfterD, ThreadFigures threadsAfterD) {

        boolean ran(final Phase phase) {
            return rounds.containsKey(phase);
        }

        Spread eventsPerSecond(final Phase phase) {
            return Spread.of(rounds.get(phase).stream().map(PhaseResult::eventsPerSecond).toList());
        }

        Spread processCpu(final Phase phase) {
            return Spread.of(rounds.get(phase).stream().map(PhaseResult::processCpuMicrosPerEvent).toList());
        }

        Spread clientCpu(final Phase phase) {
            return Spread.of(rounds.get(phase).stream().map(PhaseResult::clientCpuMicrosPerEvent).toList());
        }

        /** Throughput of {@code numerator} over {@code denominator}, round by round. */
        Spread ratio(final Phase numerator, final Phase denominator) {
            final List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds.get(numerator).size(); i++) {
                ratios.add(rounds.get(numerator).get(i).eventsPerSecond()
                        / rounds.get(denominator).get(i).eventsPerSecond());
            }
            return Spread.of(ratios);
        }

        /** Mean size of a record value on the wire, as phase A read it. */
        double meanValueBytes() {
            final PhaseResult a = rounds.get(Phase.A).get(0);
            return a.events() == 0 ? 0 : (double) a.bytes() / a.events();
        }
    }

    private final RawConsumePhase a;
    private final PassthroughPhase b;
    private final SerdePhase c;
    private final PipelinePhase d;
    private final PrintWriter progress;
    private final Set<Phase> phases;

    /** @param phases the phases to run, each round in the order of {@link Phase} */
    ThroughputBench(final BenchEnv env, final InputSet input, final int partitions, final PrintWriter progress,
                    final Set<Phase> phases) {
        this.a = new RawConsumePhase(env.clientProperties(), input);
        this.b = new PassthroughPhase(env, input, partitions);
        this.c = new SerdePhase(env.clientProperties(), input, env.topics(env.config()));
        this.d = new PipelinePhase(env, input, partitions, Duration.ofHours(2));
        this.progress = progress;
        this.phases = phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases);
    }

    Result run(final int rounds) throws InterruptedException {
        final Map<Phase, List<PhaseResult>> results = new EnumMap<>(Phase.class);
        for (final Phase phase : phases) {
            results.put(phase, new ArrayList<>());
        }
        for (int round = 1; round <= rounds; round++) {
            for (final Phase phase : phases) {
                record(results, phase, round, run(phase, round));
            }
        }
        return new Result(results, d.lastState(), d.lastThreads());
    }

    private PhaseResult run(final Phase phase, final int round) throws InterruptedException {
        return switch (phase) {
            case A -> a.run(round);
            case B -> b.run(round);
            case C -> c.run(round);
            case D -> d.run(round);
        };
    }

    private void record(final Map<Phase, List<PhaseResult>> results, final Phase phase, final int round,
                        final PhaseResult result) {
        results.get(phase).add(result);
        progress.printf(Locale.ROOT, "  round %d %-48s %,12.0f events/s  %8.2f µs CPU/event (process)%n", round,
                phase.label(), result.eventsPerSecond(), result.processCpuMicrosPerEvent());
        progress.flush();
    }
}
