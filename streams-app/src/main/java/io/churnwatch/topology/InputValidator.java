package io.churnwatch.topology;

import io.churnwatch.metrics.ChurnMetrics;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Checks the contract every input record must meet before it may touch account state, and marks the ones
 * that do not as rejected (they are dead-lettered by the next step, never dropped):
 * <ul>
 *   <li>{@code null-value}: a tombstone on an event topic (allowed on the accounts table);</li>
 *   <li>{@code missing-account-id}: {@code accountId} absent or blank;</li>
 *   <li>{@code key-mismatch}: the record key is not the {@code accountId} (the topics would no longer be
 *       co-partitioned, and the account's state would be split across tasks);</li>
 *   <li>{@code missing-occurred-at}: an event (a record whose schema declares {@code occurredAt}) without a
 *       usable event time; an account profile declares none and keeps its record timestamp;</li>
 *   <li>{@code future-timestamp}: {@code occurredAt} more than {@code maxFuture} after the record was written
 *       (see {@link OccurredAtExtractor}, which kept the record timestamp in that case).</li>
 * </ul>
 * Records at or after {@code until} (the end of a replayed period; negative for none) are not forwarded at
 * all: they are outside the period asked for, not bad, and are counted as skipped.
 */
final class InputValidator<V extends SpecificRecord> implements FixedKeyProcessor<String, Decoded<V>, Decoded<V>> {

    private final boolean tombstonesAllowed;
    private final long maxFutureMillis;
    private final long untilMillis;
    private final ChurnMetrics metrics;
    private FixedKeyProcessorContext<String, Decoded<V>> context;

    InputValidator(final boolean tombstonesAllowed, final Duration maxFuture, final long untilMillis,
                   final ChurnMetrics metrics) {
        this.tombstonesAllowed = tombstonesAllowed;
        this.maxFutureMillis = maxFuture.toMillis();
        this.untilMillis = untilMillis;
        this.metrics = metrics;
    }

    @Override
    public void init(final FixedKeyProcessorContext<String, Decoded<V>> context) {
        this.context = context;
    }

    @Override
    public void process(final FixedKeyRecord<String, Decoded<V>> record) {
        if (untilMillis >= 0 && record.timestamp() >= untilMillis) {
            metrics.skipped(context.recordMetadata().map(m -> m.topic()).orElse("unknown"));
            return;
        }
        context.forward(record.withValue(check(record.key(), record.value(), record.timestamp())));
    }

    private Decoded<V> check(final String key, final Decoded<V> decoded, final long timestamp) {
        if (decoded.isRejected()) {
            return decoded;
        }
        final V value = decoded.value();
        if (value == null) {
            return tombstonesAllowed && key != null ? decoded
                    : decoded.reject(Rejections.NULL_VALUE, "a record without a value on an event topic");
        }
        final String accountId = ContractFields.accountId(value);
        if (accountId == null || accountId.isBlank()) {
            return decoded.reject(Rejections.MISSING_ACCOUNT_ID, "accountId is absent or blank");
        }
        if (!accountId.equals(key)) {
            return decoded.reject(Rejections.KEY_MISMATCH, "record key '" + key + "' is not the accountId '" + accountId + "'");
        }
        if (!ContractFields.declaresOccurredAt(value)) {
            // A profile is current state, not an event: its time is when it was written, the record timestamp.
            return decoded;
        }
        final Instant occurredAt = ContractFields.occurredAt(value);
        if (occurredAt == null) {
            return decoded.reject(Rejections.MISSING_OCCURRED_AT, "occurredAt is absent or not positive");
        }
        if (occurredAt.toEpochMilli() - timestamp > maxFutureMillis) {
            return decoded.reject(Rejections.FUTURE_TIMESTAMP, "occurredAt " + occurredAt + " is more than "
                    + Duration.ofMillis(maxFutureMillis) + " after the record's timestamp "
                    + Instant.ofEpochMilli(timestamp));
        }
        return decoded;
    }
}
