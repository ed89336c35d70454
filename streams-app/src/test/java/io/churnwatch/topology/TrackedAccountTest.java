package io.churnwatch.topology;

import static io.churnwatch.topology.Events.at;
import static io.churnwatch.topology.Events.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.Segment;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.AccountStateSerde;
import io.churnwatch.signals.ProfileFacts;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The account-state store's value: state, deadline, recent event ids and profile facts, in each stored format. */
class TrackedAccountTest {

    private static final long DEADLINE = at(4, 0).toEpochMilli();
    private static final ProfileFacts PROFILE = new ProfileFacts(Segment.HIGH_TOUCH, "csm-7", at(40, 0));

    private final Serde<TrackedAccount> serde = TrackedAccount.serde();
    private final AccountEngine engine = new AccountEngine(SignalsConfig.defaults(), "test");

    private AccountState state() {
        return engine.onUsage(null, login("acme", at(3, 9)), ProfileFacts.NONE, engine.newCohorts()).state();
    }

    private byte[] bytes(final TrackedAccount tracked) {
        return serde.serializer().serialize("store", tracked);
    }

    private TrackedAccount read(final byte[] bytes) {
        return serde.deserializer().deserialize("store", bytes);
    }

    @Test
    void shouldReadBackStateDeadlineAndIdsWhenRoundTripped() {
        final RecentEventIds ids = RecentEventIds.empty();
        ids.remember(RecentEventIds.hash("u-1"), at(3, 9).toEpochMilli(), Long.MIN_VALUE);
        ids.remember(RecentEventIds.hash("u-2"), at(3, 8).toEpochMilli(), Long.MIN_VALUE);
        final TrackedAccount tracked = new TrackedAccount(state(), DEADLINE, ids, PROFILE);

        final TrackedAccount copy = read(bytes(tracked));

        assertThat(copy).isEqualTo(tracked);
        assertThat(copy.eventIds().size()).isEqualTo(2);
        assertThat(copy.profile()).isEqualTo(PROFILE);
    }

    @Test
    void shouldReadBackAProfileWithoutOwnerOrRenewalWhenRoundTripped() {
        final TrackedAccount tracked = new TrackedAccount(state(), TrackedAccount.NO_DEADLINE, RecentEventIds.empty(),
                ProfileFacts.NONE);

        assertThat(read(bytes(tracked))).isEqualTo(tracked);
    }

    @Test
    void shouldReadBackAnAccountKnownByItsProfileOnlyWhenRoundTripped() {
        final TrackedAccount tracked = TrackedAccount.profileOnly(PROFILE);

        final TrackedAccount copy = read(bytes(tracked));

        assertThat(copy.state()).isNull();
        assertThat(copy).isEqualTo(tracked);
    }

    @Test
    void shouldReadTheSecondFormatWithTheProfileUnknownWhenThePreviousReleaseWroteIt() {
        final AccountState state = state();
        final byte[] stateBytes = new AccountStateSerde().serializer().serialize("store", state);
        final RecentEventIds ids = RecentEventIds.empty();
        ids.remember(RecentEventIds.hash("u-1"), at(3, 9).toEpochMilli(), Long.MIN_VALUE);
        final ByteBuffer second = ByteBuffer.allocate(1 + Long.BYTES + ids.encodedSize() + stateBytes.length);
        second.put((byte) 2).putLong(DEADLINE);
        ids.write(second);
        second.put(stateBytes);

        final TrackedAccount read = read(second.array());

        assertThat(read.state()).isEqualTo(state);
        assertThat(read.deadline()).isEqualTo(DEADLINE);
        assertThat(read.eventIds()).isEqualTo(ids);
        assertThat(read.profile()).isNull();
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
            assertThat(read.profile()).isNull();
        }
    }

    @Test
    void shouldRaiseASerializationExceptionWhenTheIdsAreCut() {
        final RecentEventIds ids = RecentEventIds.empty();
        ids.remember(RecentEventIds.hash("u-1"), at(3, 9).toEpochMilli(), Long.MIN_VALUE);
        final byte[] bytes = bytes(new TrackedAccount(state(), DEADLINE, ids, PROFILE));

        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, 1 + Long.BYTES + 4)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt tracked account");
    }
}
