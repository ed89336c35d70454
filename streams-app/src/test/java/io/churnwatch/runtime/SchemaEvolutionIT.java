package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.serde.CompatibilityResult;
import io.churnwatch.serde.SchemaRegistryClient;
import io.churnwatch.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema evolution end to end: halfway through a history, the usage producer moves to {@code UsageEvent} v2 (an
 * added optional field {@code device}), registered under the topic's subject with BACKWARD compatibility on the
 * embedded registry. The pipeline, built on v1, meets the first v2 record in the middle of its input and keeps
 * processing: nothing is dead-lettered and its outputs are those of the same history written in v1 throughout.
 *
 * <p>And the other way round: churnwatch built with v2 (its {@code UsageEvent} class generated from v2, ahead of the
 * class path of a JVM of its own, {@link PipelineProcess}) reads the history written in v1 throughout; the added
 * field is then null, and the outputs are the v1 pipeline's.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEvolutionIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(40)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(4242L);
    private static final Instant EVOLVED_AT = HISTORY.dayStart(HISTORY.days() / 2);
    private static final int PARTITIONS = 3;

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;
    private PipelineHarness evolved;
    private PipelineHarness unchanged;
    private RunOutputs outputs;
    private RunOutputs reference;
    private RunOutputs builtWithV2;
    private Process v2App;
    private String v2AppContract;
    private CompatibilityResult compatibility;
    private long written;

    SchemaEvolutionIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void processHistoryWhoseUsageMovesToVersionTwo() throws Exception {
        evolved = new PipelineHarness(kafka, registry, "evolve", PARTITIONS);
        final ChurnConfig config = evolved.run("run");
        evolved.importHistory(config, HISTORY, HistorySlice.before(EVOLVED_AT));
        writeSecondHalfWithUsageV2(config);
        // Started once the whole input is in place, as PoisonPillIT does: the v1 pipeline meets the first v2 record
        // in the middle of its input, and no two producers race, so the outputs compare record for record.
        evolved.start(config);
        evolved.awaitProcessed(config);
        outputs = evolved.outputs(config);

        unchanged = new PipelineHarness(kafka, registry, "v1", PARTITIONS);
        final ChurnConfig reference1 = unchanged.run("run");
        unchanged.importHistory(reference1, HISTORY, HistorySlice.all());
        unchanged.start(reference1);
        unchanged.awaitProcessed(reference1);
        reference = unchanged.outputs(reference1);

        runPipelineBuiltWithVersionTwo();
    }

    /** A pipeline built with UsageEvent v2, in a JVM of its own, over the v1 history of the reference. */
    private void runPipelineBuiltWithVersionTwo() throws IOException {
        final Map<String, String> settings = unchanged.settings("v2-build");
        final ChurnConfig config = unchanged.run(settings);
        final Path dir = unchanged.stateDir("v2-build-process");
        v2App = PipelineProcess.launch(settings, dir, List.of(UsageEventV2.compileClasses(dir.resolve("contract"))));
        unchanged.awaitProcessed(config);
        builtWithV2 = unchanged.outputs(config);
        try (Stream<String> log = Files.lines(dir.resolve("pipeline.log"))) {
            v2AppContract = log.filter(line -> line.startsWith(PipelineProcess.CONTRACT)).findFirst().orElse("none");
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (v2App != null) {
            v2App.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        for (final AutoCloseable closeable : new AutoCloseable[] {evolved, unchanged}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void shouldRegisterVersionTwoWhenTheSubjectIsBackwardCompatible() {
        assertThat(compatibility.compatible()).as(compatibility.messages().toString()).isTrue();
        assertThat(written).isPositive();
    }

    @Test
    void shouldDeadLetterNothingWhenUsageArrivesInVersionTwo() {
        assertThat(outputs.deadLetters()).isEmpty();
    }

    @Test
    void shouldPublishTheOutputsOfTheVersionOneHistoryWhenHalfOfItsUsageIsVersionTwo() {
        assertThat(outputs.alertsByAccount()).isNotEmpty().isEqualTo(reference.alertsByAccount());
        assertThat(outputs.healthByAccount()).isNotEmpty().isEqualTo(reference.healthByAccount());
    }

    @Test
    void shouldRunTheSecondPipelineOnVersionTwoWhenItsClassPathStartsWithTheGeneratedClass() {
        assertThat(v2AppContract).startsWith(PipelineProcess.CONTRACT).endsWith(", " + UsageEventV2.FIELD + "]");
    }

    @Test
    void shouldDeadLetterNothingWhenAPipelineBuiltWithVersionTwoReadsVersionOneRecords() {
        assertThat(builtWithV2.deadLetters()).isEmpty();
    }

    @Test
    void shouldPublishTheVersionOneOutputsWhenAPipelineBuiltWithVersionTwoReadsVersionOneRecords() {
        assertThat(builtWithV2.alertsByAccount()).isNotEmpty().isEqualTo(reference.alertsByAccount());
        assertThat(builtWithV2.healthByAccount()).isNotEmpty().isEqualTo(reference.healthByAccount());
    }

    /** The second half of the history: usage as v2 records (device "web"), the rest through the importer. */
    private void writeSecondHalfWithUsageV2(final ChurnConfig config) throws IOException, InterruptedException {
        final String topic = config.getString(ChurnConfig.TOPIC_USAGE);
        final String subject = topic + "-value";
        final Schema v2 = UsageEventV2.schema();
        // The subject holds v1 already: the first half was imported with it.
        final SchemaRegistryClient client = Registries.client(config);
        setCompatibility(subject, "BACKWARD");
        compatibility = client.testCompatibility(subject, v2);
        final int id = client.register(subject, v2);
        final Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", kafka.bootstrapServers());
        producerProps.put("enable.idempotence", "true");
        producerProps.put("acks", "all");
        try (KafkaImporter importer = KafkaImporter.create(config);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                     new ByteArraySerializer())) {
            new HistoryGenerator(HISTORY).generate(HistorySlice.from(EVOLVED_AT).filter(new EventSink() {
                @Override
                public void accept(final AccountProfile profile) {
                    importer.accept(profile);
                }

                @Override
                public void accept(final UsageEvent event) {
                    producer.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(),
                            event.getAccountId(), encode(v2, id, event)));
                    written++;
                }

                @Override
                public void accept(final SupportTicketEvent event) {
                    importer.accept(event);
                }

                @Override
                public void accept(final BillingEvent event) {
                    importer.accept(event);
                }
            }));
            importer.flush();
            producer.flush();
        }
    }

    private static byte[] encode(final Schema v2, final int id, final UsageEvent event) {
        final GenericData data = new GenericData();
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        final GenericRecord record = new GenericData.Record(v2);
        for (final Schema.Field field : UsageEvent.getClassSchema().getFields()) {
            final Object value = event.get(field.name());
            record.put(field.name(), value instanceof Enum<?> e
                    ? new GenericData.EnumSymbol(v2.getField(field.name()).schema(), e.name()) : value);
        }
        record.put(UsageEventV2.FIELD, "web");
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            WireFormat.writeHeader(out, id);
            final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(v2, data).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setCompatibility(final String subject, final String level) throws IOException, InterruptedException {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(registry.url() + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
