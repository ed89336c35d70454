package io.churnwatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.metrics.ChurnMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lag gauges against the embedded broker: a reader group that committed part of an output topic and then
 * stopped (paused), and churnwatch's own group that never committed.
 */
@ExtendWith(EmbeddedStackExtension.class)
class LagMonitorIT {

    private final EmbeddedKafka kafka;
    private final String prefix = "lag-" + UUID.randomUUID() + "-";
    private final String crmGroup = prefix + "crm-sink";
    private final String alerts = prefix + "alerts";
    private final String usage = prefix + "usage";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private LagMonitor monitor;

    LagMonitorIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void createTopicsAndMonitor() {
        kafka.createTopics(2, alerts, usage, prefix + "tickets", prefix + "billing", prefix + "accounts");
        final ChurnConfig config = new ChurnConfig(Map.of(ChurnConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                ChurnConfig.APPLICATION_ID, prefix + "app", ChurnConfig.TOPIC_USAGE, usage,
                ChurnConfig.TOPIC_TICKETS, prefix + "tickets", ChurnConfig.TOPIC_BILLING, prefix + "billing",
                ChurnConfig.TOPIC_ACCOUNTS, prefix + "accounts", ChurnConfig.LAG_WATCH_GROUPS, crmGroup));
        monitor = LagMonitor.create(config, new ChurnMetrics(registry));
    }

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void shouldShowTheRecordsAPausedGroupHasNotCommittedWhenRefreshed() {
        produce(alerts, 0, 10);
        produce(alerts, 1, 6);
        commit(crmGroup, Map.of(new TopicPartition(alerts, 0), 4L, new TopicPartition(alerts, 1), 6L));

        monitor.refresh();

        assertThat(lag(crmGroup, alerts, 0)).isEqualTo(6);
        assertThat(lag(crmGroup, alerts, 1)).isZero();
    }

    @Test
    void shouldRaiseTheLagWhenThePausedGroupFallsFurtherBehind() {
        produce(alerts, 0, 10);
        commit(crmGroup, Map.of(new TopicPartition(alerts, 0), 4L));
        monitor.refresh();

        produce(alerts, 0, 5);
        monitor.refresh();

        assertThat(lag(crmGroup, alerts, 0)).isEqualTo(11);
    }

    @Test
    void shouldShowNoLagWhenASinkDeliveredEveryRecordOfATransactionalTopic() {
        produceInTransactions(alerts, 0, 3, 4);
        // As a Connect sink commits: the offset after the last record it delivered, before the last commit marker.
        commit(crmGroup, Map.of(new TopicPartition(alerts, 0), 14L));

        monitor.refresh();

        assertThat(lag(crmGroup, alerts, 0)).isZero();
    }

    @Test
    void shouldCountRecordsNotMarkersWhenASinkIsBehindOnATransactionalTopic() {
        produceInTransactions(alerts, 0, 3, 4);
        commit(crmGroup, Map.of(new TopicPartition(alerts, 0), 2L));

        monitor.refresh();

        // Offsets 2..14 hold 10 records and the commit markers at 4, 9 and 14.
        assertThat(lag(crmGroup, alerts, 0)).isEqualTo(10);
    }

    @Test
    void shouldCountFromTheLogStartWhenTheAppsGroupNeverCommitted() {
        produce(usage, 1, 3);

        monitor.refresh();

        assertThat(lag(prefix + "app", usage, 0)).isZero();
        assertThat(lag(prefix + "app", usage, 1)).isEqualTo(3);
    }

    @Test
    void shouldKeepTheLastValuesAndCountAFailureWhenTheLagCannotBeRead() throws Exception {
        produce(usage, 1, 3);
        monitor.refresh();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.deleteTopics(List.of(usage)).all().get();
        }

        monitor.refresh();

        assertThat(lag(prefix + "app", usage, 1)).isEqualTo(3);
        assertThat(scrape().sum("churnwatch_consumer_lag_refresh_failures_total", Map.of()).orElseThrow())
                .isEqualTo(1);
    }

    private double lag(final String group, final String topic, final int partition) {
        return scrape().sum("churnwatch_consumer_lag", Map.of("group", group, "topic", topic,
                "partition", Integer.toString(partition))).orElseThrow(() -> new AssertionError(
                "no lag gauge for " + group + " " + topic + "-" + partition));
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(registry.scrape());
    }

    private void produce(final String topic, final int partition, final int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            IntStream.range(0, count).forEach(i -> producer.send(new ProducerRecord<>(topic, partition, "k", "v" + i)));
            producer.flush();
        }
    }

    /** {@code transactions} transactions of {@code size} records each: offsets 0..size-1, a marker, and so on. */
    private void produceInTransactions(final String topic, final int partition, final int transactions,
                                       final int size) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "tx"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            for (int t = 0; t < transactions; t++) {
                producer.beginTransaction();
                for (int i = 0; i < size; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, "k", "v" + i));
                }
                producer.commitTransaction();
            }
        }
    }

    /** A reader that committed these offsets and then stopped reading: it is never polled again. */
    private void commit(final String group, final Map<TopicPartition, Long> offsets) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(offsets.keySet());
            consumer.pause(offsets.keySet());
            final Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(commits);
        }
    }
}
