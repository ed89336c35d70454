package io.churnwatch.bench;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import io.churnwatch.topology.ChurnTopics;
import io.churnwatch.topology.Topic;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events live at a fixed rate, as a product would: each event is stamped with the wall-clock time it is
 * sent at (its {@code occurredAt} and record timestamp), encoded with our serde and handed to an idempotent
 * producer (acks=all, lz4, 5 ms linger). Event {@code i} is due {@code i / rate} seconds after the first; the
 * sender waits for that moment, and the {@link LatencyRecorder} learns the send time. Profiles are sent at once,
 * unpaced and unrecorded. Used from one thread.
 */
final class PacedSender implements EventSink, AutoCloseable {

    private static final int LINGER_MS = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final ChurnTopics topics;
    private final LatencyRecorder recorder;
    private final double nanosPerEvent;
    private long startNanos = -1;
    private long sent;

    PacedSender(final Properties client, final ChurnTopics topics, final LatencyRecorder recorder, final int rate) {
        final Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.recorder = recorder;
        this.nanosPerEvent = 1e9 / rate;
    }

    @Override
    public void accept(final AccountProfile profile) {
        producer.send(new ProducerRecord<>(topics.accounts().name(), null, profile.getSignedUpAt().toEpochMilli(),
                profile.getAccountId(), encode(topics.accounts(), profile)));
    }

    @Override
    public void accept(final UsageEvent event) {
        final long now = pace();
        event.setOccurredAt(Instant.ofEpochMilli(now));
        send(topics.usage(), event.getAccountId(), now, event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        final long now = pace();
        event.setOccurredAt(Instant.ofEpochMilli(now));
        send(topics.tickets(), event.getAccountId(), now, event);
    }

    @Override
    public void accept(final BillingEvent event) {
        final long now = pace();
        event.setOccurredAt(Instant.ofEpochMilli(now));
        send(topics.billing(), event.getAccountId(), now, event);
    }

    /** Paced events sent so far. */
    long sent() {
        return sent;
    }

    /** Nanoseconds from the first paced event to now. */
    long elapsedNanos() {
        return startNanos < 0 ? 0 : System.nanoTime() - startNanos;
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Waits until the next event is due; returns the wall-clock milliseconds to stamp it with. */
    private long pace() {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        final long due = startNanos + (long) (sent * nanosPerEvent);
        long wait = due - System.nanoTime();
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = due - System.nanoTime();
        }
        return System.currentTimeMillis();
    }

    private <V> void send(final Topic<String, V> topic, final String accountId, final long eventTime, final V value) {
        final byte[] bytes = encode(topic, value);
        recorder.sent(accountId, eventTime, System.nanoTime());
        producer.send(new ProducerRecord<>(topic.name(), null, eventTime, accountId, bytes));
        sent++;
    }

    private static <V> byte[] encode(final Topic<String, V> topic, final V value) {
        return topic.valueSerde().serializer().serialize(topic.name(), value);
    }
}
