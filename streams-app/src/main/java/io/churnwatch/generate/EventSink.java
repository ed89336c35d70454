package io.churnwatch.generate;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;

/**
 * Receives a generated history: a Kafka producer, JSONL files or a list in a test.
 *
 * <p>{@link HistoryGenerator} calls it from one thread: every profile first, then the events of all topics in
 * non-decreasing {@code occurredAt} order, then every account's {@link GroundTruth}. Implementations report I/O
 * failures as unchecked exceptions, which abort the generation.
 */
public interface EventSink {

    void accept(AccountProfile profile);

    void accept(UsageEvent event);

    void accept(SupportTicketEvent event);

    void accept(BillingEvent event);

    /** The answer key of one account; ignored unless the sink keeps it. */
    default void accept(final GroundTruth truth) {
        // A live feed has no answer key to publish.
    }
}
