package io.churnwatch.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows about a running application, for tests to wait on and assert: which member of a consumer
 * group owns which partitions, which transactions are open (per the transaction coordinator, and as the gap between
 * a partition's last stable offset and its high watermark), and how a transaction ended. One Admin client, closed
 * with the view.
 */
final class BrokerView implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    BrokerView(final Properties clientProperties) {
        this.admin = Admin.create(clientProperties);
    }

    /**
     * The input partitions each member of group {@code groupId} owns, by client id, once the group is stable;
     * empty while it rebalances.
     */
    Map<String, Set<TopicPartition>> assignments(final String groupId) {
        final ConsumerGroupDescription group = get(admin.describeConsumerGroups(List.of(groupId)).all()).get(groupId);
        if (group.groupState() != GroupState.STABLE) {
            return Map.of();
        }
        return group.members().stream().collect(Collectors.toMap(MemberDescription::clientId,
                m -> m.assignment().topicPartitions()));
    }

    /**
     * The partitions of each ongoing transaction whose transactional id starts with {@code applicationId}: Kafka
     * Streams names its producers' transactional ids after the application.
     */
    Map<String, Set<TopicPartition>> ongoingTransactions(final String applicationId) {
        final List<String> ids = get(admin.listTransactions().all()).stream()
                .filter(t -> t.transactionalId().startsWith(applicationId + "-"))
                .filter(t -> t.state() == TransactionState.ONGOING)
                .map(TransactionListing::transactionalId).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return get(admin.describeTransactions(ids).all()).entrySet().stream()
                .filter(e -> e.getValue().state() == TransactionState.ONGOING)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().topicPartitions()));
    }

    /** The state of transactional id {@code id}'s last transaction. */
    TransactionState transactionState(final String id) {
        return get(admin.describeTransactions(List.of(id)).description(id)).state();
    }

    /**
     * The partitions of {@code topics} holding records of a transaction not yet finished: those whose last stable
     * offset (the end a read_committed consumer sees) is behind the high watermark.
     */
    Set<TopicPartition> openTransactions(final Collection<String> topics) {
        final Map<TopicPartition, OffsetSpec> latest = get(admin.describeTopics(topics).allTopicNames()).values()
                .stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        final Map<TopicPartition, Long> end = ends(latest, IsolationLevel.READ_UNCOMMITTED);
        final Map<TopicPartition, Long> stable = ends(latest, IsolationLevel.READ_COMMITTED);
        return end.keySet().stream().filter(p -> stable.get(p) < end.get(p)).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }

    private Map<TopicPartition, Long> ends(final Map<TopicPartition, OffsetSpec> specs, final IsolationLevel isolation) {
        return get(admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(final KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("admin call failed: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
