package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.CollectingSink;
import io.churnwatch.generate.GenerationStats;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.serde.AvroSerde;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The importer as the generator's sink, on the embedded broker and an in-memory registry. */
@ExtendWith(EmbeddedStackExtension.class)
class KafkaImporterIT {

    private final EmbeddedKafka kafka;
    private final String scope = "kafka-importer-it-" + UUID.randomUUID();
    private final String prefix = "importer-" + UUID.randomUUID() + "-";
    private final ChurnConfig config;

    KafkaImporterIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
        this.config = new ChurnConfig(Map.of(ChurnConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                ChurnConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                ChurnConfig.TOPIC_USAGE, prefix + "usage", ChurnConfig.TOPIC_TICKETS, prefix + "tickets",
                ChurnConfig.TOPIC_BILLING, prefix + "billing", ChurnConfig.TOPIC_ACCOUNTS, prefix + "accounts"));
    }

    @Test
    void shouldStoreEveryGeneratedRecordWhenUsedAsTheGeneratorsSink() {
        kafka.createTopics(3, prefix + "usage", prefix + "tickets", prefix + "billing", prefix + "accounts");

        final GenerationStats stats;
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            stats = new HistoryGenerator(SmallHistory.OPTIONS).generate(importer);
            importer.flush();
            assertThat(importer.acknowledged()).isEqualTo(stats.events() + stats.accounts());
        }

        assertThat(TopicDump.read(kafka.bootstrapServers(), prefix + "usage")).hasSize((int) stats.usageEvents());
        assertThat(TopicDump.read(kafka.bootstrapServers(), prefix + "tickets")).hasSize((int) stats.ticketEvents());
        assertThat(TopicDump.read(kafka.bootstrapServers(), prefix + "billing")).hasSize((int) stats.billingEvents());
        assertThat(TopicDump.read(kafka.bootstrapServers(), prefix + "accounts")).hasSize((int) stats.accounts());
    }

    @Test
    void shouldWriteEventsTheSerdeReadsBackWhenSentToTheCluster() {
        kafka.createTopics(3, prefix + "usage");
        final CollectingSink history = SmallHistory.records();
        final List<UsageEvent> events = history.usage().subList(0, 100);

        try (KafkaImporter importer = KafkaImporter.create(config)) {
            events.forEach(event -> importer.send(EventKind.USAGE, event));
            importer.flush();
        }

        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class, InMemorySchemaRegistryClient.forScope(scope),
                false);
        final List<ConsumerRecord<String, byte[]>> stored = TopicDump.read(kafka.bootstrapServers(), prefix + "usage");
        assertThat(stored).extracting(r -> serde.deserializer().deserialize(r.topic(), r.value()))
                .containsExactlyInAnyOrderElementsOf(events);
    }
}
