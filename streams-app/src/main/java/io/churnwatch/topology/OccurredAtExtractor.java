package io.churnwatch.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of an input record: the {@code occurredAt} of its decoded value.
 *
 * <p>Records whose event time cannot be trusted keep their Kafka record timestamp instead, so that they
 * never move stream time: undecodable records, records without {@code occurredAt}, and records claiming to
 * have happened more than {@code maxFuture} after the record was written. The validation step dead-letters
 * them; it recognises the last case because the extracted time then differs from {@code occurredAt}.
 * Falling back to the record timestamp (not wall-clock time) keeps replays deterministic.
 */
public final class OccurredAtExtractor implements TimestampExtractor {

    private final long maxFutureMillis;

    public OccurredAtExtractor(final Duration maxFuture) {
        this.maxFutureMillis = maxFuture.toMillis();
    }

    @Override
    public long extract(final ConsumerRecord<Object, Object> record, final long partitionTime) {
        final long fallback = record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
        if (!(record.value() instanceof Decoded<?> decoded) || !(decoded.value() instanceof SpecificRecord value)) {
            return fallback;
        }
        final Instant occurredAt = ContractFields.occurredAt(value);
        if (occurredAt == null) {
            return fallback;
        }
        final long eventTime = occurredAt.toEpochMilli();
        final boolean fromTheFuture = record.timestamp() >= 0 && eventTime - record.timestamp() > maxFutureMillis;
        return fromTheFuture ? record.timestamp() : eventTime;
    }
}
