package io.churnwatch.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each state restore from a changelog that has records to restore: which store and partition, how many
 * records, and how long it took (an empty changelog, the usual case at a first start, is not worth a line).
 * A restore is why an instance is not ready for minutes after a crash or on a new machine; Kafka Streams logs it at
 * INFO among thousands of other lines (churnwatch keeps Kafka at WARN), so it is churnwatch's own line.
 */
final class RestoreLog implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(final TopicPartition changelog, final String store, final long startingOffset,
                               final long endingOffset) {
        if (endingOffset <= startingOffset) {
            return;
        }
        started.put(changelog, System.nanoTime());
        LOG.info("Restoring {} partition {} from its changelog: up to {} records", store, changelog.partition(),
                endingOffset - startingOffset);
    }

    @Override
    public void onBatchRestored(final TopicPartition changelog, final String store, final long batchEndOffset,
                                final long numRestored) {
        // Batches are frequent; the start and end lines say enough.
    }

    @Override
    public void onRestoreEnd(final TopicPartition changelog, final String store, final long totalRestored) {
        final Long begin = started.remove(changelog);
        if (begin != null) {
            LOG.info("Restored {} partition {}: {} records in {} ms", store, changelog.partition(), totalRestored,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        }
    }

    @Override
    public void onRestoreSuspended(final TopicPartition changelog, final String store, final long totalRestored) {
        if (started.remove(changelog) != null) {
            LOG.info("Restore of {} partition {} suspended after {} records (the task moved)", store,
                    changelog.partition(), totalRestored);
        }
    }
}
