package io.churnwatch.connect.webhook;

import java.util.List;
import java.util.StringJoiner;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The {@code Idempotency-Key} of a record: the configured fields of its value joined with {@code :}, e.g.
 * {@code alert-acct-7-SILENCE-1767225600000:3:OPEN:HIGH} for an alert (alertId, revision, status, severity).
 * Each version of an alert has a key of its own, so a CRM that upserts by key takes a redelivery as a no-op and
 * a severity raise or a closing as news. A value without one of the fields cannot be keyed: a
 * {@link DataException}, which the task sends to the dead-letter queue.
 */
public final class IdempotencyKey {

    private final List<String> fields;

    public IdempotencyKey(final List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an idempotency key needs at least one field");
        }
        this.fields = List.copyOf(fields);
    }

    public String of(final Object value) {
        if (!(value instanceof Struct struct)) {
            throw new DataException("An idempotency key needs a struct value, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        final StringJoiner key = new StringJoiner(":");
        for (final String name : fields) {
            final Field field = struct.schema().field(name);
            final Object part = field == null ? null : struct.get(field);
            if (part == null) {
                throw new DataException("Record of " + struct.schema().name() + " has no value for idempotency key "
                        + "field '" + name + "' (webhook.idempotency.key.fields=" + String.join(",", fields) + ")");
            }
            key.add(part instanceof java.util.Date date ? Long.toString(date.getTime()) : part.toString());
        }
        return key.toString();
    }
}
