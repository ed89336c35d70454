package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.signals.ProfileFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The account engine's access to the {@code account-state} store: each entry filed in the {@link DeadlineIndex}
 * under its deadline, its profile facts kept as the accounts topic changes them, and the most recently used
 * entries kept decoded.
 *
 * <p>Why decoded: Kafka Streams' record cache in front of the store holds bytes, so without this every read decodes
 * the account's {@link TrackedAccount} again, though the same task wrote it moments before (a sweep reads the
 * accounts events touched, an event the account a sweep touched). Writes go through to the store at once, so the
 * store (its changelog, interactive queries, a restore) always holds every change; only reads are spared. The
 * decoded entries are the task's own: a new instance is made when the processor is initialised, {@link #clear}ed
 * when it is closed and after a failure, whose half-applied changes to a mutable
 * {@link io.churnwatch.signals.AccountState} reached no store. Least recently used entries are dropped beyond
 * {@code capacity} (0: none kept).
 *
 * <p>Not thread-safe: used by one task's processor on its stream thread only.
 */
final class AccountStates {

    private final KeyValueStore<String, TrackedAccount> store;
    private final TimestampedKeyValueStore<String, AccountProfile> profiles;
    private final DeadlineIndex deadlines;
    private final Map<String, TrackedAccount> decoded;

    /** @param profiles the accounts table, read for an entry written without profile facts */
    AccountStates(final KeyValueStore<String, TrackedAccount> store,
                  final TimestampedKeyValueStore<String, AccountProfile> profiles, final DeadlineIndex deadlines,
                  final int capacity) {
        this.store = store;
        this.profiles = profiles;
        this.deadlines = deadlines;
        this.decoded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, TrackedAccount> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The account's entry, or null when the store has none. */
    TrackedAccount get(final String accountId) {
        final TrackedAccount cached = decoded.get(accountId);
        if (cached != null) {
            return cached;
        }
        final TrackedAccount stored = store.get(accountId);
        if (stored != null) {
            decoded.put(accountId, stored);
        }
        return stored;
    }

    /**
     * Writes the account's new entry ({@code after}; null deletes it), moving its deadline index entry from
     * {@code before}'s deadline to {@code after}'s when they differ.
     */
    void save(final String accountId, final TrackedAccount before, final TrackedAccount after) {
        final long deadline = after == null ? TrackedAccount.NO_DEADLINE : after.deadline();
        if (before != null && before.hasDeadline() && before.deadline() != deadline) {
            deadlines.remove(before.deadline(), accountId);
        }
        if (deadline != TrackedAccount.NO_DEADLINE && (before == null || before.deadline() != deadline)) {
            deadlines.add(deadline, accountId);
        }
        store.put(accountId, after);
        if (after == null) {
            decoded.remove(accountId);
        } else {
            decoded.put(accountId, after);
        }
    }

    /**
     * Keeps the account's new profile facts in its entry: one without state when the account has sent no event yet;
     * a tombstone ({@code profile} null) makes them unknown (LOW_TOUCH, no owner), or deletes an entry without
     * state. Writes nothing when the facts did not change.
     */
    void keepProfile(final String accountId, final AccountProfile profile) {
        final TrackedAccount before = get(accountId);
        final ProfileFacts facts = ProfileFacts.of(profile);
        if (before == null) {
            if (profile != null) {
                save(accountId, null, TrackedAccount.profileOnly(facts));
            }
        } else if (before.state() == null && profile == null) {
            save(accountId, before, null);
        } else if (!facts.equals(before.profile())) {
            save(accountId, before, before.withProfile(facts));
        }
    }

    /**
     * The account's profile facts: from its entry, or, where the entry does not have them (an account whose first
     * event this is, or an entry written by an earlier release), from the accounts table, once.
     */
    ProfileFacts profile(final String accountId, final TrackedAccount tracked) {
        if (tracked != null && tracked.profile() != null) {
            return tracked.profile();
        }
        final ValueAndTimestamp<AccountProfile> profile = profiles.get(accountId);
        return ProfileFacts.of(profile == null ? null : profile.value());
    }

    /** Forgets every decoded entry: the next reads decode what the store holds. */
    void clear() {
        decoded.clear();
    }
}
