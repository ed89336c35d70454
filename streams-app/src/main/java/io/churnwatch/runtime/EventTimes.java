package io.churnwatch.runtime;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Kafka record timestamp of an imported record: the event's {@code occurredAt}, and for an account profile
 * its {@code signedUpAt}, so that importing the same data twice writes the same timestamps (a replay of the
 * compacted accounts topic is deterministic, which "now" would not be).
 */
final class EventTimes {

    private EventTimes() {
    }

    /** Name of the field that gives {@code record} its timestamp, for messages. */
    static String field(final SpecificRecord record) {
        return record instanceof AccountProfile ? "signedUpAt" : "occurredAt";
    }

    static Instant of(final SpecificRecord record) {
        if (record instanceof UsageEvent usage) {
            return usage.getOccurredAt();
        }
        if (record instanceof SupportTicketEvent ticket) {
            return ticket.getOccurredAt();
        }
        if (record instanceof BillingEvent billing) {
            return billing.getOccurredAt();
        }
        if (record instanceof AccountProfile profile) {
            return profile.getSignedUpAt();
        }
        throw new IllegalArgumentException("not an input record of churnwatch: " + record.getSchema().getFullName());
    }
}
