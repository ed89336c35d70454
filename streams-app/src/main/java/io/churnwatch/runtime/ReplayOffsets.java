package io.churnwatch.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The offset arithmetic of a {@link Replay}, on maps of partition to offset: how far it has got, which partitions
 * are behind their stop offset, and which may have lost history to retention before the replay started. Pure.
 */
final class ReplayOffsets {

    private ReplayOffsets() {
    }

    /** Records between {@code start} and {@code at} (capped at {@code stop}), over all partitions. */
    static long consumed(final Map<TopicPartition, Long> start, final Map<TopicPartition, Long> at,
                                 final Map<TopicPartition, Long> stop) {
        return stop.entrySet().stream().mapToLong(e -> {
            final long from = start.getOrDefault(e.getKey(), 0L);
            return Math.max(0, Math.min(e.getValue(), at.getOrDefault(e.getKey(), from)) - from);
        }).sum();
    }

    /** The partitions whose committed offset is short of their stop offset, with that offset (-1: none yet). */
    static Map<TopicPartition, Long> behind(final Map<TopicPartition, Long> committed,
                                            final Map<TopicPartition, Long> stop) {
        final Map<TopicPartition, Long> behind = new HashMap<>();
        stop.forEach((partition, offset) -> {
            final long at = committed.getOrDefault(partition, -1L);
            if (at < offset) {
                behind.put(partition, at);
            }
        });
        return behind;
    }

    /**
     * The partitions whose history may be incomplete: records were deleted from their start (their oldest record
     * kept is past offset 0) and the replay starts at their oldest record kept, so the deleted ones may have been
     * in the period replayed. A partition starting after its oldest record kept lost only records before
     * {@code from}.
     */
    static Map<TopicPartition, Long> incompleteHistory(final Map<TopicPartition, Long> start,
                                                       final Map<TopicPartition, Long> oldestKept) {
        final Map<TopicPartition, Long> incomplete = new HashMap<>();
        oldestKept.forEach((partition, oldest) -> {
            if (oldest > 0 && start.getOrDefault(partition, oldest) <= oldest) {
                incomplete.put(partition, oldest);
            }
        });
        return incomplete;
    }

    /** The partitions behind; a partition whose records were deleted before they were replayed says so. */
    static String describeBehind(final Map<TopicPartition, Long> behind, final Map<TopicPartition, Long> stop,
                                         final Map<TopicPartition, Long> oldestKept) {
        return behind.entrySet().stream().map(e -> {
            final long oldest = oldestKept.getOrDefault(e.getKey(), 0L);
            return e.getKey() + " at " + e.getValue() + " of " + stop.get(e.getKey())
                    + (oldest > 0 && oldest > e.getValue() ? " (records before " + oldest + " were deleted)" : "");
        }).sorted().collect(Collectors.joining(", "));
    }

    static String describe(final Map<TopicPartition, Long> oldestKept) {
        return oldestKept.entrySet().stream().map(e -> e.getKey() + " from offset " + e.getValue()).sorted()
                .collect(Collectors.joining(", "));
    }
}
