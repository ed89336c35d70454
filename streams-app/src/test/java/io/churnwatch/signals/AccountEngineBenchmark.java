package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one usage event for an account with a month of history, as the stream processor pays it: read the
 * stored state, apply the event, write the state back (and, separately, the engine call alone).
 * Run: {@code java -cp <test classpath> org.openjdk.jmh.Main AccountEngineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccountEngineBenchmark {

    private static final int ACCOUNTS = 1024;

    private final AccountEngine engine = new AccountEngine(SignalsConfig.defaults(), "bench");
    private final AccountStateSerde serde = new AccountStateSerde();
    private final byte[][] stored = new byte[ACCOUNTS][];
    private final AccountState[] live = new AccountState[ACCOUNTS];
    private final Random random = new Random(42);
    private Instant now;
    private int next;

    @Setup
    public void history() {
        final Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int a = 0; a < ACCOUNTS; a++) {
            AccountState state = null;
            for (int d = 0; d < 35; d++) {
                state = engine.onUsage(state, event(a, start.plus(Duration.ofDays(d)).plusSeconds(a)), null).state();
            }
            live[a] = state;
            stored[a] = serde.serializer().serialize("store", state);
        }
        now = start.plus(Duration.ofDays(35));
    }

    private UsageEvent event(final int account, final Instant at) {
        return UsageEvent.newBuilder().setEventId("e").setAccountId("acct-" + account)
                .setKind(random.nextBoolean() ? UsageKind.LOGIN : UsageKind.ACTIVITY)
                .setFeature("feature-" + random.nextInt(20)).setQuantity(1).setOccurredAt(at).build();
    }

    private UsageEvent nextEvent(final int account) {
        now = now.plusMillis(50);
        return event(account, now);
    }

    @Benchmark
    public Outcome engineOnly() {
        final int a = next++ & (ACCOUNTS - 1);
        final Outcome outcome = engine.onUsage(live[a], nextEvent(a), null);
        live[a] = outcome.state();
        return outcome;
    }

    @Benchmark
    public byte[] withStateSerde() {
        final int a = next++ & (ACCOUNTS - 1);
        final AccountState state = serde.deserializer().deserialize("store", stored[a]);
        final Outcome outcome = engine.onUsage(state, nextEvent(a), null);
        stored[a] = serde.serializer().serialize("store", outcome.state());
        return stored[a];
    }
}
