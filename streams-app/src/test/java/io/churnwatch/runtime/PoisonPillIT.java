package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.GroundTruth;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.serde.InvalidWireFormatException;
import io.churnwatch.serde.UnknownSchemaIdException;
import io.churnwatch.signals.HealthScoreUpdate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison in every input topic, between good records: a producer of raw bytes writes, to each of product-usage,
 * support-tickets, billing and accounts, one value that is not the wire format at all and one in the Confluent
 * framing with a schema id the registry never issued. Each must land in the dead-letter topic with its original
 * bytes, its reason and the topic, partition and offset it was written at, and the good records around it must
 * give exactly the outputs of the same history without poison.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonPillIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(40)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(77L);
    private static final Instant POISONED_AT = HISTORY.dayStart(HISTORY.days() / 2);
    private static final int PARTITIONS = 3;
    private static final int UNISSUED_SCHEMA_ID = 987_654;
    // The dead-letter headers, as the README documents them for consumers of the dead-letter topic.
    private static final String REASON = "churnwatch.dlq.reason";
    private static final String DETAIL = "churnwatch.dlq.detail";
    private static final String SOURCE_TOPIC = "churnwatch.dlq.source.topic";
    private static final String SOURCE_PARTITION = "churnwatch.dlq.source.partition";
    private static final String SOURCE_OFFSET = "churnwatch.dlq.source.offset";

    private final EmbeddedKafka kafka;
    private final List<Pill> pills = new ArrayList<>();
    private final EmbeddedRegistry registry;
    private PipelineHarness poisoned;
    private PipelineHarness clean;
    private RunOutputs outputs;
    private RunOutputs reference;
    private List<String> inputs;

    PoisonPillIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void processHistoryWithPoisonInTheMiddle() throws InterruptedException, ExecutionException {
        poisoned = new PipelineHarness(kafka, registry, "poison", PARTITIONS);
        final ChurnConfig config = poisoned.run("run");
        inputs = PipelineHarness.inputTopics(config);
        poisoned.importHistory(config, HISTORY, HistorySlice.before(POISONED_AT));
        writePills();
        poisoned.importHistory(config, HISTORY, HistorySlice.from(POISONED_AT));
        poisoned.start(config);
        poisoned.awaitProcessed(config);
        outputs = poisoned.outputs(config);

        clean = new PipelineHarness(kafka, registry, "clean", PARTITIONS);
        final ChurnConfig cleanConfig = clean.run("run");
        clean.importHistory(cleanConfig, HISTORY, HistorySlice.all());
        clean.start(cleanConfig);
        clean.awaitProcessed(cleanConfig);
        reference = clean.outputs(cleanConfig);
    }

    @AfterAll
    void stop() {
        if (poisoned != null) {
            poisoned.close();
        }
        if (clean != null) {
            clean.close();
        }
    }

    @Test
    void shouldDeadLetterEachPoisonRecordWithItsBytesAndWhereItWasWrittenWhenInputIsUndecodable() {
        final Set<Letter> expected = pills.stream().map(p -> new Letter(p.topic(), Integer.toString(p.partition()),
                Long.toString(p.offset()), p.key(), HexFormat.of().formatHex(p.value()))).collect(Collectors.toSet());

        final Set<Letter> deadLetters = outputs.deadLetters().stream().map(r -> new Letter(
                header(r, SOURCE_TOPIC), header(r, SOURCE_PARTITION),
                header(r, SOURCE_OFFSET), r.key(), HexFormat.of().formatHex(r.value())))
                .collect(Collectors.toSet());

        assertThat(outputs.deadLetters()).hasSize(pills.size());
        assertThat(deadLetters).isEqualTo(expected);
        assertThat(pills.stream().map(Pill::topic).collect(Collectors.toSet())).isEqualTo(Set.copyOf(inputs));
    }

    @Test
    void shouldNameWhyEachRecordWasDeadLetteredWhenDecodingFails() {
        final Map<String, String> expected = pills.stream()
                .collect(Collectors.toMap(Pill::coordinates, Pill::reason));

        final Map<String, String> reasons = outputs.deadLetters().stream().collect(Collectors.toMap(
                r -> String.join("/", header(r, SOURCE_TOPIC),
                        header(r, SOURCE_PARTITION), header(r, SOURCE_OFFSET)),
                r -> header(r, REASON)));

        assertThat(reasons).isEqualTo(expected);
        assertThat(outputs.deadLetters()).allSatisfy(r -> assertThat(header(r, DETAIL)).isNotBlank());
    }

    @Test
    void shouldPublishTheOutputsOfTheSameHistoryWithoutPoisonWhenPoisonIsDeadLettered() {
        assertThat(outputs.alertsByAccount()).isNotEmpty().isEqualTo(reference.alertsByAccount());
        assertThat(outputs.healthByAccount()).isNotEmpty().isEqualTo(reference.healthByAccount());
    }

    @Test
    void shouldKeepPublishingForThePoisonedAccountsWhenTheirLaterEventsArrive() {
        final Set<String> stillCustomers = new HistoryGenerator(HISTORY).groundTruth().stream()
                .filter(t -> !t.churned() || t.cancelledAt().isAfter(POISONED_AT))
                .map(GroundTruth::accountId).collect(Collectors.toSet());
        final Set<String> poisonedAccounts = pills.stream().map(Pill::key).filter(stillCustomers::contains)
                .collect(Collectors.toSet());
        assertThat(poisonedAccounts).isNotEmpty();

        assertThat(outputs.healthValues()).filteredOn(h -> poisonedAccounts.contains(h.getAccountId()))
                .filteredOn(h -> h.getAsOf().isAfter(POISONED_AT))
                .extracting(HealthScoreUpdate::getAccountId).containsAll(poisonedAccounts);
        assertThat(outputs.alertValues()).anyMatch(a -> a.getEventTime().isAfter(POISONED_AT));
    }

    /** Writes two pills to each input topic, keyed by accounts of the history, stamped between its halves. */
    private void writePills() throws InterruptedException, ExecutionException {
        final List<String> accounts = new HistoryGenerator(HISTORY).profiles().stream()
                .map(AccountProfile::getAccountId).toList();
        final byte[] garbage = "this is not an Avro record".getBytes(StandardCharsets.UTF_8);
        final byte[] unissued = ByteBuffer.allocate(8).put((byte) 0).putInt(UNISSUED_SCHEMA_ID)
                .put(new byte[] {2, 4, 6}).array();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(poisoned.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (final String topic : inputs) {
                pills.add(send(producer, topic, accounts.get(pills.size()), garbage, InvalidWireFormatException.REASON));
                pills.add(send(producer, topic, accounts.get(pills.size()), unissued, UnknownSchemaIdException.REASON));
            }
        }
    }

    private static Pill send(final KafkaProducer<String, byte[]> producer, final String topic, final String key,
                             final byte[] value, final String reason) throws InterruptedException, ExecutionException {
        final RecordMetadata written = producer.send(new ProducerRecord<>(topic, null, POISONED_AT.toEpochMilli(), key,
                value)).get();
        return new Pill(topic, written.partition(), written.offset(), key, value, reason);
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A poison record as written, and the reason it must be dead-lettered for. */
    private record Pill(String topic, int partition, long offset, String key, byte[] value, String reason) {
        String coordinates() {
            return String.join("/", topic, Integer.toString(partition), Long.toString(offset));
        }
    }

    /** What identifies a dead letter: its source coordinates (as the headers carry them), key and value bytes. */
    private record Letter(String topic, String partition, String offset, String key, String valueHex) {
    }
}
