package io.churnwatch.topology;

import io.churnwatch.metrics.ChurnMetrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a rejected input record into a dead-letter record: the original key and value bytes, the original
 * headers, and these headers added (all UTF-8 strings):
 * <ul>
 *   <li>{@value #REASON}: machine-friendly reason, also the {@code reason} tag of the DLQ metric;</li>
 *   <li>{@value #DETAIL}: human-readable explanation;</li>
 *   <li>{@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION}, {@value #SOURCE_OFFSET}: where the record came from.</li>
 * </ul>
 */
final class DeadLetterProcessor<V> implements Processor<String, Decoded<V>, byte[], byte[]> {

    static final String REASON = "churnwatch.dlq.reason";
    static final String DETAIL = "churnwatch.dlq.detail";
    static final String SOURCE_TOPIC = "churnwatch.dlq.source.topic";
    static final String SOURCE_PARTITION = "churnwatch.dlq.source.partition";
    static final String SOURCE_OFFSET = "churnwatch.dlq.source.offset";
    private static final int MAX_DETAIL_CHARS = 1000;

    private final ChurnMetrics metrics;
    private ProcessorContext<byte[], byte[]> context;

    DeadLetterProcessor(final ChurnMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(final ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(final Record<String, Decoded<V>> record) {
        final Decoded<V> rejected = record.value();
        final RecordMetadata source = context.recordMetadata().orElseThrow();
        final Headers headers = new RecordHeaders(record.headers().toArray());
        add(headers, REASON, rejected.rejection());
        add(headers, DETAIL, truncate(rejected.detail()));
        add(headers, SOURCE_TOPIC, source.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        final byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        context.forward(new Record<>(key, rejected.raw(), record.timestamp(), headers));
        metrics.deadLettered(source.topic(), rejected.rejection());
    }

    private static void add(final Headers headers, final String name, final String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(final String detail) {
        return detail == null || detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS);
    }
}
