package io.churnwatch.http;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import io.churnwatch.ops.LocalStores;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.ProfileFacts;
import io.churnwatch.topology.TrackedAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers account questions from this instance's own state stores (interactive queries); which instance owns
 * an account is the caller's business ({@link AccountsHandler}).
 *
 * <p>The at-risk list is an on-demand scan: one pass over the local account-state stores keeping the
 * {@code limit} lowest scores in a bounded max-heap (memory O(limit), time O(accounts x log limit)); with a
 * segment filter each scored account's profile is read too. Acceptable for a CS queue refreshed now and then,
 * not for a hot path.
 */
final class AccountQueries {

    /** Lowest score first, then account id, so equal scores list in a stable order. */
    private static final Comparator<Scored> LOWEST_FIRST = Comparator.comparingInt(Scored::score)
            .thenComparing(s -> s.state().accountId());

    private final LocalStores stores;
    private final AccountEngine engine;
    private final String self;

    AccountQueries(final LocalStores stores, final AccountEngine engine, final String self) {
        this.stores = stores;
        this.engine = engine;
        this.self = self;
    }

    /** The account's health from the store of {@code partition}, or from every local store when null. */
    Optional<AccountViews.Health> health(final String accountId, final Integer partition) {
        final ReadOnlyKeyValueStore<String, TrackedAccount> accounts = partition == null ? stores.accounts()
                : stores.accounts(partition);
        final TrackedAccount tracked = accounts.get(accountId);
        if (tracked == null || tracked.state() == null) {
            return Optional.empty();
        }
        final AccountProfile profile = stores.profiles().get(accountId);
        return Optional.of(AccountViews.Health.of(tracked.state(),
                engine.currentHealth(tracked.state(), ProfileFacts.of(profile)), profile, self));
    }

    /** The {@code limit} lowest-scored, not churned accounts of this instance, optionally of one segment. */
    AccountViews.AtRiskList atRisk(final int limit, final Segment segment) {
        final ReadOnlyKeyValueStore<String, AccountProfile> profiles = stores.profiles();
        final PriorityQueue<Scored> highestFirst = new PriorityQueue<>(limit + 1, LOWEST_FIRST.reversed());
        try (KeyValueIterator<String, TrackedAccount> all = stores.accounts().all()) {
            while (all.hasNext()) {
                final KeyValue<String, TrackedAccount> entry = all.next();
                final AccountState state = entry.value.state();
                if (state == null || state.churned() || state.lastEmittedScore().isEmpty()) {
                    continue;
                }
                final Scored scored = new Scored(state, state.lastEmittedScore().getAsInt());
                if (highestFirst.size() == limit && LOWEST_FIRST.compare(scored, highestFirst.peek()) >= 0) {
                    continue;
                }
                if (segment != null && AccountViews.segmentOf(profiles.get(entry.key)) != segment) {
                    continue;
                }
                highestFirst.add(scored);
                if (highestFirst.size() > limit) {
                    highestFirst.poll();
                }
            }
        }
        final List<Scored> lowest = new ArrayList<>(highestFirst);
        lowest.sort(LOWEST_FIRST);
        final List<AccountViews.AtRisk> rows = lowest.stream().map(s -> AccountViews.AtRisk.of(s.state(), s.score(),
                profiles.get(s.state().accountId()))).toList();
        return new AccountViews.AtRiskList(self, "local", limit, segment == null ? null : segment.name(), rows);
    }

    private record Scored(AccountState state, int score) {
    }
}
