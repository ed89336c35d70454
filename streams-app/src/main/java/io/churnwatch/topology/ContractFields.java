package io.churnwatch.topology;

import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the two fields every input event of the contract carries, {@code accountId} and {@code occurredAt},
 * from any generated record, so that time extraction and validation are written once for all topics.
 */
final class ContractFields {

    static final String EVENT_ID = "eventId";
    static final String ACCOUNT_ID = "accountId";
    static final String OCCURRED_AT = "occurredAt";

    private ContractFields() {
    }

    /** The event's id, or {@code null} for a record without one (an account profile). */
    static String eventId(final SpecificRecord record) {
        final Object value = get(record, EVENT_ID);
        return value == null ? null : value.toString();
    }

    static String accountId(final SpecificRecord record) {
        final Object value = get(record, ACCOUNT_ID);
        return value == null ? null : value.toString();
    }

    /** True for the event records, whose schema declares {@code occurredAt}; false for an account profile. */
    static boolean declaresOccurredAt(final SpecificRecord record) {
        return record.getSchema().getField(OCCURRED_AT) != null;
    }

    /** The event time, or {@code null} when the record has no usable {@code occurredAt}. */
    static Instant occurredAt(final SpecificRecord record) {
        final Object value = get(record, OCCURRED_AT);
        if (value instanceof Instant instant) {
            return instant.toEpochMilli() > 0 ? instant : null;
        }
        return null;
    }

    private static Object get(final SpecificRecord record, final String field) {
        final Schema.Field f = record.getSchema().getField(field);
        return f == null ? null : record.get(f.pos());
    }
}
