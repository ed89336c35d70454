package io.churnwatch.topology;

import static io.churnwatch.topology.Events.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import io.churnwatch.signals.ProfileFacts;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The account engine's access to in-memory account-state, accounts and deadline-index stores. */
class AccountStatesTest {

    private static final ProfileFacts PROFILE = new ProfileFacts(Segment.HIGH_TOUCH, "csm-7", null);

    private final AtomicInteger decodes = new AtomicInteger();
    private final AtomicInteger encodes = new AtomicInteger();
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final KeyValueStore<String, TrackedAccount> store = init(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(ChurnTopology.ACCOUNT_STATE_STORE), Serdes.String(), countingSerde())
            .withLoggingDisabled().build());
    private final TimestampedKeyValueStore<String, AccountProfile> profiles = init(
            Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(ChurnTopology.ACCOUNTS_STORE),
                    Serdes.String(), Serdes.<AccountProfile>serdeFrom((topic, profile) -> new byte[0], (topic, bytes) -> null))
                    .withLoggingDisabled().build());
    private final InMemoryKeyValueStore index = init(new InMemoryKeyValueStore(ChurnTopology.DEADLINE_INDEX_STORE));
    private final DeadlineIndex deadlines = new DeadlineIndex(index);

    private <S extends StateStore> S init(final S built) {
        built.init(context.getStateStoreContext(), built);
        return built;
    }

    /** The stored format, counting how often an entry is decoded and encoded. */
    private Serde<TrackedAccount> countingSerde() {
        final Serde<TrackedAccount> serde = TrackedAccount.serde();
        return Serdes.serdeFrom((topic, tracked) -> {
            encodes.incrementAndGet();
            return serde.serializer().serialize(topic, tracked);
        }, (topic, bytes) -> {
            decodes.incrementAndGet();
            return serde.deserializer().deserialize(topic, bytes);
        });
    }

    private AccountStates states(final int capacity) {
        return new AccountStates(store, profiles, deadlines, capacity);
    }

    @AfterEach
    void close() {
        store.close();
        profiles.close();
        index.close();
    }

    @Test
    void shouldDecodeAnEntryOnceWhenItIsReadAgain() {
        store.put("acme", TrackedAccount.profileOnly(PROFILE));
        final AccountStates states = states(10);

        final TrackedAccount first = states.get("acme");

        assertThat(states.get("acme")).isSameAs(first);
        assertThat(first.profile()).isEqualTo(PROFILE);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void shouldDecodeAgainWhenMoreEntriesThanItsCapacityWereReadSince() {
        store.put("a", TrackedAccount.profileOnly(PROFILE));
        store.put("b", TrackedAccount.profileOnly(PROFILE));
        final AccountStates states = states(1);

        states.get("a");
        states.get("b");
        states.get("a");

        assertThat(decodes).hasValue(3);
    }

    @Test
    void shouldDecodeEveryReadWhenItsCapacityIsZero() {
        store.put("acme", TrackedAccount.profileOnly(PROFILE));
        final AccountStates states = states(0);

        states.get("acme");
        states.get("acme");

        assertThat(decodes).hasValue(2);
    }

    @Test
    void shouldDecodeFromTheStoreAgainWhenCleared() {
        store.put("acme", TrackedAccount.profileOnly(PROFILE));
        final AccountStates states = states(10);
        final TrackedAccount first = states.get("acme");

        states.clear();

        assertThat(states.get("acme")).isNotSameAs(first).isEqualTo(first);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void shouldWriteAnEntryThroughToTheStoreWhenSaved() {
        final AccountStates states = states(10);
        final TrackedAccount saved = new TrackedAccount(null, 500, RecentEventIds.empty(), PROFILE);

        states.save("acme", null, saved);

        assertThat(store.get("acme")).isEqualTo(saved);
        assertThat(states.get("acme")).isSameAs(saved);
    }

    @Test
    void shouldFileTheAccountUnderItsNewDeadlineOnlyWhenTheDeadlineChanges() {
        final AccountStates states = states(10);
        final TrackedAccount early = new TrackedAccount(null, 100, RecentEventIds.empty(), PROFILE);
        final TrackedAccount late = new TrackedAccount(null, 200, RecentEventIds.empty(), PROFILE);
        states.save("acme", null, early);

        states.save("acme", early, late);

        assertThat(deadlines.due(150, 10)).isEmpty();
        assertThat(deadlines.due(250, 10)).containsExactly(new DeadlineIndex.Due(200, "acme"));
    }

    @Test
    void shouldDeleteAnEntryWithoutStateWhenItsProfileIsTombstoned() {
        final AccountStates states = states(10);
        states.keepProfile("acme", profile("acme", Segment.HIGH_TOUCH, "csm-7"));

        states.keepProfile("acme", null);

        assertThat(store.get("acme")).isNull();
        assertThat(states.get("acme")).isNull();
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldWriteNothingWhenTheSameProfileArrivesAgain() {
        final AccountStates states = states(10);
        states.keepProfile("acme", profile("acme", Segment.HIGH_TOUCH, "csm-7"));

        states.keepProfile("acme", profile("acme", Segment.HIGH_TOUCH, "csm-7"));

        assertThat(encodes).hasValue(1);
        assertThat(states.profile("acme", states.get("acme")).ownerId()).isEqualTo("csm-7");
    }
}
