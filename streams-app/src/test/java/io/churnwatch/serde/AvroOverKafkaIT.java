package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.UsageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Avro records through our serde on the embedded broker with the embedded registry: a transactional producer
 * and a read_committed consumer, each with a serde (and registry client) of its own configured only by
 * {@code schema.registry.url}, as two applications would be.
 */
@ExtendWith(EmbeddedStackExtension.class)
class AvroOverKafkaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RECORDS = 50;

    private final EmbeddedRegistry registry;

    private final EmbeddedKafka kafka;

    AvroOverKafkaIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @Test
    void shouldConsumeEqualRecordsWhenProducedInTransactionThroughSerde() {
        final String topic = topic();
        final List<UsageEvent> sent = IntStream.range(0, RECORDS).mapToObj(TestRecords::usage).toList();

        produce(topic, sent);

        final List<KeyedEvent> received = consume(topic, sent.size());
        assertThat(received).extracting(KeyedEvent::value).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received).allSatisfy(pair -> assertThat(pair.key()).isEqualTo(pair.value().getAccountId()));
    }

    @Test
    void shouldRegisterValueSchemaUnderTopicSubjectWhenProduced() {
        final String topic = topic();

        produce(topic, List.of(TestRecords.usage(1)));

        final SchemaRegistryClient client = new RegistrySerdeConfig(serdeSettings()).createClient();
        assertThat(client.getLatestSchema(topic + "-value").schema()).isEqualTo(UsageEvent.getClassSchema());
        assertThatThrownBy(() -> client.getLatestSchema(topic + "-key"))
                .isInstanceOf(SchemaNotRegisteredException.class);
    }

    private void produce(final String topic, final List<UsageEvent> events) {
        kafka.createTopics(2, topic);
        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class, serdeSettings(), false);
        try (KafkaProducer<String, UsageEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "avro-it-" + UUID.randomUUID()),
                new StringSerializer(), serde.serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            events.forEach(event -> producer.send(new ProducerRecord<>(topic, event.getAccountId(), event)));
            producer.commitTransaction();
        }
    }

    private List<KeyedEvent> consume(final String topic, final int expected) {
        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class, serdeSettings(), false);
        final List<KeyedEvent> received = new ArrayList<>();
        try (KafkaConsumer<String, UsageEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "avro-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> received.add(new KeyedEvent(r.key(), r.value())));
                return received.size() >= expected;
            });
        }
        return received;
    }

    private Map<String, Object> serdeSettings() {
        return Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    }

    private static String topic() {
        return "avro-it-" + UUID.randomUUID();
    }

    private record KeyedEvent(String key, UsageEvent value) {
    }
}
