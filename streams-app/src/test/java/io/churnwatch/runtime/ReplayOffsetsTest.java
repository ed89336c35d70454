package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The offset bookkeeping of {@link Replay}: when it may stop, and whether its inputs still hold the history. */
class ReplayOffsetsTest {

    private static final TopicPartition USAGE_0 = new TopicPartition("usage", 0);
    private static final TopicPartition USAGE_1 = new TopicPartition("usage", 1);

    @Test
    void shouldCountAPartitionAsBehindWhenTheGroupNeverCommittedIt() {
        assertThat(ReplayOffsets.behind(Map.of(USAGE_0, 10L), Map.of(USAGE_0, 10L, USAGE_1, 0L)))
                .containsExactlyEntriesOf(Map.of(USAGE_1, -1L));
    }

    @Test
    void shouldCountAPartitionAsBehindWhenItsCommittedOffsetIsShortOfItsStop() {
        assertThat(ReplayOffsets.behind(Map.of(USAGE_0, 9L, USAGE_1, 12L), Map.of(USAGE_0, 10L, USAGE_1, 12L)))
                .containsExactlyEntriesOf(Map.of(USAGE_0, 9L));
    }

    @Test
    void shouldCountNothingBehindWhenEveryPartitionReachedOrPassedItsStop() {
        assertThat(ReplayOffsets.behind(Map.of(USAGE_0, 10L, USAGE_1, 13L), Map.of(USAGE_0, 10L, USAGE_1, 12L))).isEmpty();
    }

    @Test
    void shouldReportAPartitionWhenEveryRecordOfItWasDeleted() {
        // The replay of issue #4: retention had emptied the inputs, so start, stop and oldest kept were all the end.
        assertThat(ReplayOffsets.incompleteHistory(Map.of(USAGE_0, 7752L), Map.of(USAGE_0, 7752L)))
                .containsExactlyEntriesOf(Map.of(USAGE_0, 7752L));
    }

    @Test
    void shouldReportAPartitionWhenTheReplayStartsAtItsOldestRecordKeptAfterDeletions() {
        assertThat(ReplayOffsets.incompleteHistory(Map.of(USAGE_0, 40L, USAGE_1, 0L), Map.of(USAGE_0, 40L, USAGE_1, 0L)))
                .containsExactlyEntriesOf(Map.of(USAGE_0, 40L));
    }

    @Test
    void shouldReportNoPartitionWhenOnlyRecordsBeforeTheStartWereDeleted() {
        assertThat(ReplayOffsets.incompleteHistory(Map.of(USAGE_0, 41L), Map.of(USAGE_0, 40L))).isEmpty();
    }

    @Test
    void shouldReportNoPartitionWhenNothingWasDeleted() {
        assertThat(ReplayOffsets.incompleteHistory(Map.of(USAGE_0, 0L, USAGE_1, 25L), Map.of(USAGE_0, 0L, USAGE_1, 0L)))
                .isEmpty();
    }

    @Test
    void shouldCountTheRecordsBetweenStartAndStopWhenTheGroupIsPastTheStop() {
        final Map<TopicPartition, Long> start = Map.of(USAGE_0, 5L, USAGE_1, 0L);
        final Map<TopicPartition, Long> stop = Map.of(USAGE_0, 15L, USAGE_1, 8L);

        assertThat(ReplayOffsets.consumed(start, Map.of(USAGE_0, 20L, USAGE_1, 3L), stop)).isEqualTo(10 + 3);
    }

    @Test
    void shouldCountNothingForAPartitionWhenTheGroupHasNotCommittedIt() {
        assertThat(ReplayOffsets.consumed(Map.of(USAGE_0, 5L), Map.of(), Map.of(USAGE_0, 15L))).isZero();
    }

    @Test
    void shouldSayWhichRecordsWereDeletedWhenAPartitionIsBehindThem() {
        assertThat(ReplayOffsets.describeBehind(Map.of(USAGE_0, 3L), Map.of(USAGE_0, 10L), Map.of(USAGE_0, 7L)))
                .isEqualTo("usage-0 at 3 of 10 (records before 7 were deleted)");
    }
}
