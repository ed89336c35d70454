package io.churnwatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagSnapshotTest {

    private final LagSnapshot snapshot = new LagSnapshot(Instant.EPOCH, Map.of("crm", Map.of(
            new TopicPartition("alerts", 0), 4L, new TopicPartition("alerts", 1), 2L,
            new TopicPartition("health", 0), 7L)));

    @Test
    void shouldSumEveryPartitionWhenTotallingAGroup() {
        assertThat(snapshot.total("crm")).isEqualTo(13);
    }

    @Test
    void shouldSumPartitionsPerTopicWhenGroupingByTopic() {
        assertThat(snapshot.byTopic("crm")).containsExactly(Map.entry("alerts", 6L), Map.entry("health", 7L));
    }

    @Test
    void shouldReadZeroWhenTheGroupWasNotRead() {
        assertThat(snapshot.total("other")).isZero();
    }
}
