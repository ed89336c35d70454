package io.churnwatch.ops;

import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.topology.TrackedAccount;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The gauges {@code churnwatch.accounts.tracked} and {@code churnwatch.accounts.band{band}}: how many accounts
 * this instance's active tasks hold (those with at least one event, not those known by their profile only), and
 * how many of the scored, not churned ones are in each health band (the band of the last score emitted for them).
 *
 * <p>Counted by {@link #refresh()}, which the caller schedules every {@code accounts.census.interval.ms}: one
 * pass over the local account-state stores, reading each account's state. That is a cost proportional to the
 * accounts of the instance once per interval, never per record nor per scrape; the gauges show the last
 * count. While the stores cannot be queried (restoring, rebalancing) the last count stays.
 */
public final class AccountCensus {

    static final List<HealthBand> BANDS = List.of(HealthBand.HEALTHY, HealthBand.NEUTRAL, HealthBand.AT_RISK,
            HealthBand.CRITICAL);

    private final LocalStores stores;
    private final AtomicLong tracked = new AtomicLong();
    private final Map<HealthBand, AtomicLong> perBand = new EnumMap<>(HealthBand.class);

    public AccountCensus(final LocalStores stores, final ChurnMetrics metrics) {
        this.stores = stores;
        metrics.accountsTracked(tracked::get);
        for (final HealthBand band : BANDS) {
            final AtomicLong count = new AtomicLong();
            perBand.put(band, count);
            metrics.accountsInBand(band.name(), count::get);
        }
    }

    /** Counts the local accounts; returns false (keeping the last count) when the stores cannot be queried. */
    public boolean refresh() {
        long total = 0;
        final Map<HealthBand, Long> counted = new EnumMap<>(HealthBand.class);
        try (KeyValueIterator<String, TrackedAccount> all = stores.accounts().all()) {
            while (all.hasNext()) {
                final AccountState state = all.next().value.state();
                if (state == null) {
                    continue;
                }
                total++;
                if (!state.churned()) {
                    state.lastEmittedBand().ifPresent(band -> counted.merge(band, 1L, Long::sum));
                }
            }
        } catch (final InvalidStateStoreException e) {
            return false;
        }
        tracked.set(total);
        perBand.forEach((band, count) -> count.set(counted.getOrDefault(band, 0L)));
        return true;
    }
}
