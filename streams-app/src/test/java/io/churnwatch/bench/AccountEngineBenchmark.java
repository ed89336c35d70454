package io.churnwatch.bench;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.AccountStateSerde;
import io.churnwatch.signals.Cohorts;
import io.churnwatch.signals.Outcome;
import io.churnwatch.signals.ProfileFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost per call of the account engine and its state serde on realistic accounts: {@value #ACCOUNTS} accounts of a
 * generated history (seed 42) are replayed through the engine for {@value #HISTORY_DAYS} days, firing each
 * account's deadlines as the stream processor does, and then measured on the next day:
 * <ul>
 *   <li>{@code decode} / {@code encode}: the account's stored state bytes to an {@link AccountState} and back;
 *   <li>{@code reevaluate}: the engine alone, re-evaluating an account at its own clock (nothing changes, nothing is
 *       emitted): the floor of every evaluation;
 *   <li>{@code dailySweep}: decode, the account's pending deadline (mostly the next midnight), encode: what the
 *       daily re-evaluation of each account costs;
 *   <li>{@code nextEvent}: decode, the account's first input record of the next day (to its state as stored at
 *       the end of the history), encode.
 * </ul>
 * Each invocation takes the next account in turn and starts from the same stored bytes, so every run measures
 * the same work.
 *
 * <p>Run, after {@code mvn -B -q install -DskipTests}: {@code mvn -q -pl streams-app test-compile exec:exec
 * -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.churnwatch.bench.AccountEngineBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AccountEngineBenchmark {

    private static final int ACCOUNTS = 256;
    private static final int HISTORY_DAYS = 90;

    private final AccountEngine engine = new AccountEngine(SignalsConfig.defaults(), "bench");
    private final Cohorts cohorts = engine.newCohorts();
    private final Serializer<AccountState> serializer = new AccountStateSerde().serializer();
    private final Deserializer<AccountState> deserializer = new AccountStateSerde().deserializer();
    private final List<Pending> deadlines = new ArrayList<>();
    private final List<Pending> events = new ArrayList<>();
    private final List<AccountState> live = new ArrayList<>();
    private final Map<String, ProfileFacts> profiles = new HashMap<>();
    private int next;

    /** An account's stored state with what comes next for it: a deadline or an input record. */
    private record Pending(byte[] state, ProfileFacts profile, Instant deadline, SpecificRecord event) {
    }

    @Setup
    public void replayHistory() {
        final GeneratorOptions options = new GeneratorOptions(ACCOUNTS, HISTORY_DAYS + 1, 42L,
                GeneratorOptions.DEFAULT_START);
        final List<Input> history = new ArrayList<>();
        new HistoryGenerator(options).generate(new EventSink() {
            @Override
            public void accept(final AccountProfile profile) {
                profiles.put(profile.getAccountId(), ProfileFacts.of(profile));
            }

            @Override
            public void accept(final UsageEvent event) {
                history.add(new Input(event.getAccountId(), event.getOccurredAt(), event));
            }

            @Override
            public void accept(final SupportTicketEvent event) {
                history.add(new Input(event.getAccountId(), event.getOccurredAt(), event));
            }

            @Override
            public void accept(final BillingEvent event) {
                history.add(new Input(event.getAccountId(), event.getOccurredAt(), event));
            }
        });
        new Replay(options.dayStart(HISTORY_DAYS).toEpochMilli()).run(history);
        for (final Pending p : deadlines) {
            final AccountState state = deserializer.deserialize("bench", p.state());
            live.add(engine.onDeadline(state, p.profile(), p.deadline(), cohorts).state());
        }
        final double bytes = deadlines.stream().mapToInt(p -> p.state().length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%d accounts with a deadline, %d with a record on day %d; "
                + "%.0f state bytes per account%n", deadlines.size(), events.size(), HISTORY_DAYS, bytes);
    }

    @Benchmark
    public AccountState decode() {
        return deserializer.deserialize("bench", deadlines.get(nextIndex(deadlines.size())).state());
    }

    @Benchmark
    public byte[] encode() {
        return serializer.serialize("bench", live.get(nextIndex(live.size())));
    }

    @Benchmark
    public Outcome reevaluate() {
        final AccountState state = live.get(nextIndex(live.size()));
        return engine.onDeadline(state, profiles.getOrDefault(state.accountId(), ProfileFacts.NONE), state.clock(), cohorts);
    }

    @Benchmark
    public byte[] dailySweep() {
        final Pending p = deadlines.get(nextIndex(deadlines.size()));
        final AccountState state = deserializer.deserialize("bench", p.state());
        return serializer.serialize("bench", engine.onDeadline(state, p.profile(), p.deadline(), cohorts).state());
    }

    @Benchmark
    public byte[] nextEvent() {
        final Pending p = events.get(nextIndex(events.size()));
        final AccountState state = deserializer.deserialize("bench", p.state());
        return serializer.serialize("bench", apply(state, p.event(), p.profile()).state());
    }

    private int nextIndex(final int size) {
        next = next + 1 < size ? next + 1 : 0;
        return next;
    }

    private Outcome apply(final AccountState state, final SpecificRecord event, final ProfileFacts profile) {
        if (event instanceof UsageEvent usage) {
            return engine.onUsage(state, usage, profile, cohorts);
        }
        if (event instanceof SupportTicketEvent ticket) {
            return engine.onTicket(state, ticket, profile, cohorts);
        }
        return engine.onBilling(state, (BillingEvent) event, profile, cohorts);
    }

    /** An input record of the history with its key and event time. */
    private record Input(String account, Instant occurredAt, SpecificRecord event) {
    }

    /**
     * Replays the history like the stream processor (due deadlines fire before each record, states pass through
     * the serde) up to {@code cutoff}, and collects each account's state there with its pending deadline and with
     * its first record after the cutoff.
     */
    private final class Replay {
        private final long cutoff;
        private final Map<String, byte[]> stored = new HashMap<>();
        private final Map<String, Long> deadlineOf = new HashMap<>();
        private final TreeMap<Long, List<String>> due = new TreeMap<>();
        private final Set<String> sampled = new HashSet<>();
        private boolean pastCutoff;

        Replay(final long cutoff) {
            this.cutoff = cutoff;
        }

        void run(final List<Input> history) {
            for (final Input input : history) {
                final long at = input.occurredAt().toEpochMilli();
                if (!pastCutoff && at >= cutoff) {
                    pastCutoff = true;
                    deadlineOf.forEach((account, deadline) -> deadlines.add(new Pending(stored.get(account),
                            profiles.getOrDefault(account, ProfileFacts.NONE), Instant.ofEpochMilli(deadline), null)));
                }
                fireUntil(at);
                final String account = input.account();
                if (!pastCutoff) {
                    final AccountState state = stored.containsKey(account)
                            ? deserializer.deserialize("bench", stored.get(account)) : null;
                    store(account, apply(state, input.event(), profiles.getOrDefault(account, ProfileFacts.NONE)));
                } else if (stored.containsKey(account) && sampled.add(account)) {
                    events.add(new Pending(stored.get(account), profiles.getOrDefault(account, ProfileFacts.NONE), null,
                            input.event()));
                }
            }
        }

        private void fireUntil(final long at) {
            while (!due.isEmpty() && due.firstKey() <= Math.min(at, cutoff - 1)) {
                final Map.Entry<Long, List<String>> first = due.pollFirstEntry();
                for (final String account : first.getValue()) {
                    deadlineOf.remove(account);
                    final AccountState state = deserializer.deserialize("bench", stored.get(account));
                    final Instant deadline = Instant.ofEpochMilli(first.getKey());
                    store(account, engine.onDeadline(state, profiles.getOrDefault(account, ProfileFacts.NONE), deadline,
                            cohorts));
                }
            }
        }

        private void store(final String account, final Outcome outcome) {
            stored.put(account, serializer.serialize("bench", outcome.state()));
            final Long previous = deadlineOf.remove(account);
            if (previous != null) {
                due.get(previous).remove(account);
            }
            if (outcome.nextDeadlineMillis().isPresent()) {
                final long deadline = outcome.nextDeadlineMillis().getAsLong();
                deadlineOf.put(account, deadline);
                due.computeIfAbsent(deadline, d -> new ArrayList<>()).add(account);
            }
        }
    }

    /** Runs the benchmarks of this class with the fork and iterations of its annotations. */
    public static void main(final String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(AccountEngineBenchmark.class.getName()).build()).run();
    }
}
