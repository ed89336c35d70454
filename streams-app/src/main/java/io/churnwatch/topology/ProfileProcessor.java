package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.signals.ProfileFacts;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the {@link ProfileFacts} of each account in its {@link TrackedAccount} as the validated {@code accounts}
 * records change them, so that the {@link AccountProcessor} finds an account's profile with its state, without a
 * lookup and decode of its own per event. A profile that arrives before the account's first event is kept in an
 * entry without state; a tombstone makes the profile unknown again (LOW_TOUCH, no owner). Forwards nothing.
 *
 * <p>It runs in the same task as the {@link AccountProcessor}, on the same records in the same order as the
 * accounts table does, so an event sees the profile the table held when the event was processed.
 */
final class ProfileProcessor implements Processor<String, AccountProfile, Void, Void> {

    private KeyValueStore<String, TrackedAccount> accounts;

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.accounts = context.getStateStore(ChurnTopology.ACCOUNT_STATE_STORE);
    }

    @Override
    public void process(final Record<String, AccountProfile> record) {
        final TrackedAccount before = accounts.get(record.key());
        final ProfileFacts facts = ProfileFacts.of(record.value());
        if (before == null) {
            if (record.value() != null) {
                accounts.put(record.key(), TrackedAccount.profileOnly(facts));
            }
        } else if (before.state() == null && record.value() == null) {
            accounts.put(record.key(), null);
        } else if (!facts.equals(before.profile())) {
            accounts.put(record.key(), before.withProfile(facts));
        }
    }
}
