package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.CollectingSink;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.serde.AvroSerde;
import io.churnwatch.serde.AvroSerializer;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.serde.SchemaRegistryClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaImporterTest {

    private static final CollectingSink HISTORY = SmallHistory.records();

    private final SchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
            new ByteArraySerializer());
    private final KafkaImporter importer = new KafkaImporter(producer,
            new AvroSerializer<SpecificRecord>(registry, false), topics("renamed-usage"));

    private static Map<EventKind, String> topics(final String usageTopic) {
        final Map<EventKind, String> topics = new EnumMap<>(EventKind.class);
        for (final EventKind kind : EventKind.values()) {
            topics.put(kind, kind == EventKind.USAGE ? usageTopic : kind.defaultTopic());
        }
        return topics;
    }

    @Test
    void shouldKeyByAccountIdAndStampWithOccurredAtWhenSendingEvents() {
        final List<UsageEvent> events = HISTORY.usage().subList(0, 50);

        events.forEach(importer::accept);
        importer.flush();

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("renamed-usage");
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactlyElementsOf(events.stream().map(UsageEvent::getAccountId).toList());
        assertThat(producer.history()).extracting(ProducerRecord::timestamp)
                .containsExactlyElementsOf(events.stream().map(e -> e.getOccurredAt().toEpochMilli()).toList());
    }

    @Test
    void shouldStampProfileWithSignedUpAtWhenSendingAccounts() {
        final AccountProfile profile = HISTORY.profiles().get(0);

        importer.accept(profile);
        importer.flush();

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(EventKind.ACCOUNTS.defaultTopic());
            assertThat(record.timestamp()).isEqualTo(profile.getSignedUpAt().toEpochMilli());
        });
    }

    @Test
    void shouldWriteValuesTheAvroSerdeReadsBackWhenSending() {
        final UsageEvent event = HISTORY.usage().get(0);

        importer.accept(event);
        importer.flush();

        final byte[] value = producer.history().get(0).value();
        assertThat(AvroSerde.of(UsageEvent.class, registry, false).deserializer().deserialize("renamed-usage", value))
                .isEqualTo(event);
    }

    @Test
    void shouldThrowFirstFailureOnFlushWhenProducerFailsASend() {
        importer.accept(HISTORY.usage().get(0));
        importer.accept(HISTORY.usage().get(1));

        producer.errorNext(new IllegalStateException("broker said no"));

        assertThatThrownBy(importer::flush).isInstanceOf(ImportFailedException.class)
                .hasMessage("cannot write to topic renamed-usage: broker said no");
    }

    @Test
    void shouldRefuseFurtherSendsWhenAnEarlierSendFailed() {
        importer.accept(HISTORY.usage().get(0));
        producer.errorNext(new IllegalStateException("broker said no"));

        assertThatThrownBy(() -> importer.accept(HISTORY.usage().get(1))).isInstanceOf(ImportFailedException.class);
        assertThat(importer.sent()).isEqualTo(1);
    }

    @Test
    void shouldCountAcknowledgedRecordsWhenFlushed() {
        HISTORY.billing().forEach(importer::accept);

        importer.flush();

        assertThat(importer.acknowledged()).isEqualTo(HISTORY.billing().size()).isEqualTo(importer.sent());
    }

    @Test
    void shouldUseIdempotentLz4ProducerDefaultsWhenConfigurationSetsNone() {
        final Map<String, Object> settings = KafkaImporter.producerSettings(ChurnConfig.defaults());

        assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    }

    @Test
    void shouldKeepConfiguredProducerSettingWhenConfigurationSetsIt() {
        final ChurnConfig config = new ChurnConfig(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"));

        assertThat(KafkaImporter.producerSettings(config))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }
}
