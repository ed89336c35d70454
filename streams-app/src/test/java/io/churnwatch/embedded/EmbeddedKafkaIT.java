package io.churnwatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedStackExtension.class)
class EmbeddedKafkaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafka kafka;

    EmbeddedKafkaIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void shouldDeliverRecordsToReadCommittedConsumerWhenTransactionCommitted() {
        final String topic = uniqueTopic();
        kafka.createTopics(2, topic);
        final List<String> sent = IntStream.range(0, 20).mapToObj(i -> "value-" + i).toList();

        try (KafkaProducer<String, String> producer = transactionalProducer(kafka.bootstrapServers())) {
            producer.initTransactions();
            producer.beginTransaction();
            sent.forEach(value -> producer.send(new ProducerRecord<>(topic, "account-" + value, value)));
            producer.commitTransaction();
        }

        assertThat(readCommitted(kafka.bootstrapServers(), topic, sent.size()))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void shouldHideAbortedRecordsFromReadCommittedConsumerWhenTransactionAborted() {
        final String topic = uniqueTopic();
        kafka.createTopics(1, topic);

        try (KafkaProducer<String, String> producer = transactionalProducer(kafka.bootstrapServers())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "account-1", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "account-1", "committed"));
            producer.commitTransaction();
        }

        assertThat(readCommitted(kafka.bootstrapServers(), topic, 1)).containsExactly("committed");
    }

    @Test
    void shouldKeepRecordsWhenRestartedOnSameLogDir(@TempDir final Path dir) {
        final String topic = uniqueTopic();
        try (EmbeddedKafka first = EmbeddedKafka.start(dir)) {
            first.createTopics(1, topic);
            try (KafkaProducer<String, String> producer = transactionalProducer(first.bootstrapServers())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "account-1", "before-restart"));
                producer.commitTransaction();
            }
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(dir)) {
            assertThat(readCommitted(second.bootstrapServers(), topic, 1)).containsExactly("before-restart");
        }
    }

    @Test
    void shouldDeleteTemporaryLogDirWhenClosed() {
        final EmbeddedKafka own = EmbeddedKafka.start();
        final Path dir = own.logDir();

        own.close();

        assertThat(dir).doesNotExist();
    }

    @Test
    void shouldKeepGivenLogDirWhenClosed(@TempDir final Path dir) {
        final Path logDir = dir.resolve("kafka");

        EmbeddedKafka.start(logDir).close();

        assertThat(logDir.resolve("meta.properties")).exists();
    }

    @Test
    void shouldDoNothingWhenClosedTwice() {
        final EmbeddedKafka own = EmbeddedKafka.start();
        own.close();

        own.close();

        assertThatCode(own::close).doesNotThrowAnyException();
    }

    @Test
    void shouldFailNamingTopicWhenCreatingTopicThatExists() {
        final String topic = uniqueTopic();
        kafka.createTopics(1, topic);

        assertThatThrownBy(() -> kafka.createTopics(1, topic))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining(topic);
    }

    @Test
    void shouldServeClientsOnGivenPortWhenBrokerPortGiven() {
        final int port = FreePorts.find();
        final String topic = uniqueTopic();

        try (EmbeddedKafka own = EmbeddedKafka.builder().brokerPort(port).start()) {
            own.createTopics(1, topic);

            assertThat(own.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void shouldFailNamingPortWhenGivenBrokerPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.builder().brokerPort(port).start())
                    .isInstanceOf(KafkaException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void shouldRejectManagedSettingWhenGivenAsBrokerConfig() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().brokerConfig("listeners", "PLAINTEXT://:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }

    private static String uniqueTopic() {
        return "embedded-it-" + UUID.randomUUID();
    }

    private static KafkaProducer<String, String> transactionalProducer(final String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-it-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readCommitted(final String bootstrapServers, final String topic,
                                              final int expected) {
        final List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach((final ConsumerRecord<String, String> r) ->
                        values.add(r.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }
}
