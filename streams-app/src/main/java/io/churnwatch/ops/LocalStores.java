package io.churnwatch.ops;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.topology.ChurnTopology;
import io.churnwatch.topology.TrackedAccount;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only views (interactive queries) of the state stores of the tasks this instance runs as active: the
 * account-state store (an account's signals state) and the accounts store (profiles). Reads see the stores as
 * the stream threads last wrote them; an iterator sees a consistent snapshot.
 *
 * <p>Every method throws {@link InvalidStateStoreException} while the stores cannot be queried (the instance is
 * starting, restoring or rebalancing): callers answer "not ready" then.
 */
public final class LocalStores {

    private final KafkaStreams streams;

    public LocalStores(final KafkaStreams streams) {
        this.streams = streams;
    }

    /** The account-state stores of every local active task. */
    public ReadOnlyKeyValueStore<String, TrackedAccount> accounts() {
        return streams.store(StoreQueryParameters.fromNameAndType(ChurnTopology.ACCOUNT_STATE_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    /** The account-state store of one partition, which must be hosted here. */
    public ReadOnlyKeyValueStore<String, TrackedAccount> accounts(final int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(ChurnTopology.ACCOUNT_STATE_STORE,
                QueryableStoreTypes.<String, TrackedAccount>keyValueStore()).withPartition(partition));
    }

    /** The account profiles of every local active task. */
    public ReadOnlyKeyValueStore<String, AccountProfile> profiles() {
        return streams.store(StoreQueryParameters.fromNameAndType(ChurnTopology.ACCOUNTS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }
}
