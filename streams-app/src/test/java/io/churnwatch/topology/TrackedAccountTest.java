package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.AccountStateSerde;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The account-state store's value: state, deadline and recent event ids, in both stored formats. */
class TrackedAccountTest {

    private static final long DEADLINE = at(4, 0).toEpochMilli();

    private final Serde<TrackedAccount> serde = TrackedAccount.serde();
    private final AccountEngine engine = new AccountEngine(SignalsConfig.defaults(), "test");

    private AccountState state() {
        return engine.onUsage(null, login("acme", at(3, 9)), null, engine.newCohorts()).state();
    }

    private TrackedAccount read(final byte[] bytes) {
        return serde.deserializer().deserialize("store", bytes);
    }

    @Test
    void shouldReadBackStateDeadlineAndIdsWhenRoundTripped() {
        final RecentEventIds ids = RecentEventIds.empty();
        ids.remember(RecentEventIds.hash("u-1"), at(3, 9).toEpochMilli(), Long.MIN_VALUE);
        ids.remember(RecentEventIds.hash("u-2"), at(3, 8).toEpochMilli(), Long.MIN_VALUE);
        final TrackedAccount tracked = new TrackedAccount(state(), DEADLINE, ids);

        final TrackedAccount copy = read(serde.serializer().serialize("store", tracked));

        assertThat(copy).isEqualTo(tracked);
        assertThat(copy.eventIds().size()).isEqualTo(2);
    }

    @Test
    void shouldReadTheFirstFormatWithNoIdsWhenAnEarlierReleaseWroteIt() {
        final AccountState state = state();
        final byte[] stateBytes = new AccountStateSerde().serializer().serialize("store", state);
        for (final long deadline : new long[] {DEADLINE, TrackedAccount.NO_DEADLINE}) {
            final byte[] first = ByteBuffer.allocate(Long.BYTES + stateBytes.length).putLong(deadline).put(stateBytes)
                    .array();

            final TrackedAccount read = read(first);

            assertThat(read.state()).isEqualTo(state);
            assertThat(read.deadline()).isEqualTo(deadline);
            assertThat(read.eventIds().size()).isZero();
        }
    }

    @Test
    void shouldRaiseASerializationExceptionWhenTheIdsAreCut() {
        final RecentEventIds ids = RecentEventIds.empty();
        ids.remember(RecentEventIds.hash("u-1"), at(3, 9).toEpochMilli(), Long.MIN_VALUE);
        final byte[] bytes = serde.serializer().serialize("store", new TrackedAccount(state(), DEADLINE, ids));

        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, 1 + Long.BYTES + 4)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("recent event ids");
    }
}
