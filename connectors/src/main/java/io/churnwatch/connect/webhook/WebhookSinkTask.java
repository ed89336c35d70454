package io.churnwatch.connect.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.connect.data.StructJson;
import io.churnwatch.connect.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each record of its partitions to the webhook, one POST per record, in offset order: alerts are keyed
 * by account, so an account's alerts arrive in the order the pipeline raised them.
 *
 * <p>Each request carries the record's {@link IdempotencyKey} and an {@code X-Churnwatch-Source} header
 * ({@code topic/partition/offset}). A 2xx is delivered. 408, 429, 5xx, timeouts and connection errors are retried
 * with {@link Backoff} (honouring a capped {@code Retry-After}), up to {@code webhook.retry.max.attempts}; then the
 * task asks Connect to redeliver the batch later ({@code context.timeout} and a {@link RetriableException}), so
 * nothing is dropped and offsets are not committed past an undelivered record. Records of that batch already
 * delivered are remembered per partition and not sent again. Any other answer, and a value that cannot be keyed
 * or written as JSON, goes to the errant-record reporter (the connector's dead-letter queue, with the status and
 * body as the reason) and the task carries on. After a crash, records delivered but not yet committed are sent
 * again with the same key: the receiver's idempotency makes that harmless.
 */
public final class WebhookSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSinkTask.class);
    private static final String SOURCE_HEADER = "X-Churnwatch-Source";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<TopicPartition, Long> handled = new HashMap<>();
    private WebhookClient client;
    private Backoff backoff;
    private TokenBucket rateLimit;
    private IdempotencyKey keys;
    private String keyHeader;
    private int maxAttempts;
    private ErrantRecordReporter reporter;
    private WebhookMetrics metrics;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(final Map<String, String> props) {
        final WebhookSinkConfig config = new WebhookSinkConfig(props);
        client = new WebhookClient(config);
        backoff = config.backoff(() -> ThreadLocalRandom.current().nextDouble());
        rateLimit = TokenBucket.perSecond(config.getDouble(WebhookSinkConfig.RATE_LIMIT));
        keys = new IdempotencyKey(config.idempotencyFields());
        keyHeader = config.getString(WebhookSinkConfig.IDEMPOTENCY_HEADER);
        maxAttempts = config.getInt(WebhookSinkConfig.RETRY_MAX_ATTEMPTS);
        reporter = reporter();
        metrics = WebhookMetrics.register(context.pluginMetrics());
        LOG.info("Webhook sink task delivering to {}", config.url());
    }

    private ErrantRecordReporter reporter() {
        try {
            return context.errantRecordReporter();
        } catch (final NoSuchMethodError | NoClassDefFoundError e) {
            // A worker older than Kafka 2.6 has no reporter; rejected records then fail the task (see reject).
            return null;
        }
    }

    @Override
    public void put(final Collection<SinkRecord> records) {
        for (final SinkRecord record : records) {
            final TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
            final Long last = handled.get(partition);
            if (last != null && record.kafkaOffset() <= last) {
                metrics.skipped();
                continue;
            }
            handle(record);
            handled.put(partition, record.kafkaOffset());
        }
    }

    private void handle(final SinkRecord record) {
        if (record.value() == null) {
            return;
        }
        final String key;
        final String body;
        try {
            key = keys.of(record.value());
            body = json.writeValueAsString(StructJson.of(record.valueSchema(), record.value()));
        } catch (final DataException | JsonProcessingException e) {
            reject(record, e);
            return;
        }
        deliver(record, body, Map.of(keyHeader, key, SOURCE_HEADER, source(record)));
    }

    private void deliver(final SinkRecord record, final String body, final Map<String, String> headers) {
        try {
            for (int attempt = 1; ; attempt++) {
                rateLimit.acquire();
                final WebhookClient.Answer answer = client.post(body, headers);
                if (answer.delivered()) {
                    metrics.delivered();
                    return;
                }
                if (!answer.retriable()) {
                    reject(record, new WebhookRejectedException(answer.status(), "Webhook refused " + source(record)
                            + " (" + headers.get(keyHeader) + "): " + answer.describe()));
                    return;
                }
                final long wait = backoff.delayMs(attempt, RetryAfter.millis(answer.retryAfter(), Instant.now()));
                if (attempt >= maxAttempts) {
                    metrics.handedBack();
                    context.timeout(Math.max(wait, backoff.maxMs()));
                    throw new RetriableException("Webhook did not accept " + source(record) + " after " + attempt
                            + " attempts (last: " + answer.describe() + "); Connect redelivers the batch");
                }
                metrics.retried();
                LOG.debug("Retrying {} in {} ms after {}", source(record), wait, answer.describe());
                Thread.sleep(wait);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted delivering " + source(record), e);
        }
    }

    private void reject(final SinkRecord record, final Exception reason) {
        if (reporter == null) {
            throw new ConnectException("Cannot deliver " + source(record) + " and this worker has no errant-record "
                    + "reporter (Kafka Connect 2.6+ is needed for errors.tolerance=all with a dead-letter topic): "
                    + reason.getMessage(), reason);
        }
        LOG.warn("Sending {} to the dead-letter queue: {}", source(record), reason.getMessage());
        reporter.report(record, reason);
        metrics.rejected();
    }

    private static String source(final SinkRecord record) {
        return record.topic() + "/" + record.kafkaPartition() + "/" + record.kafkaOffset();
    }

    @Override
    public void close(final Collection<TopicPartition> partitions) {
        // A partition may come back at its committed offset: what was handled there must be handled again.
        partitions.forEach(handled::remove);
    }

    @Override
    public void stop() {
        if (metrics != null) {
            LOG.info("Webhook sink task stopping: {}", metrics);
        }
    }

    /** The task's counters (for tests and the log). */
    WebhookMetrics metrics() {
        return metrics;
    }
}
