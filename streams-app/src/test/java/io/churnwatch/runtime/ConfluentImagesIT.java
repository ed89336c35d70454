package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.serde.WireFormat;
import io.churnwatch.signals.ChurnRiskAlert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The end-to-end run against the images docker-compose.yml deploys churnwatch with: {@code apache/kafka} and
 * Confluent's {@code cp-schema-registry}, in containers on a network of their own. A seeded history is imported and
 * run through the pipeline (exactly_once_v2) on those containers and, in the same test, on the embedded stack
 * (EmbeddedKafka and the Apicurio-based EmbeddedRegistry). The containers' outputs must equal the embedded ones, the
 * subjects churnwatch registered must be listed by Confluent's REST API, and the alerts must carry the schema id
 * Confluent's registry assigned and decode with the schema it serves for that id.
 *
 * <p>This proves interop with Confluent's real registry where a Docker daemon is reachable; elsewhere the class is
 * skipped (Testcontainers' {@code disabledWithoutDocker}) and the embedded ITs remain the proof of each behaviour.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfluentImagesIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(60)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(20_260_413L);
    private static final int PARTITIONS = 3;
    private static final String RUN = "run";
    /** The images of docker-compose.yml. */
    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.4.0");
    private static final DockerImageName REGISTRY_IMAGE = DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0");
    /** The broker's listener for the other containers; the alias before the colon becomes its network alias. */
    private static final String KAFKA_IN_NETWORK = "kafka:19092";
    private static final String REGISTRY_HOST = "schema-registry";
    private static final int REGISTRY_PORT = 8081;
    private static final Duration REGISTRY_START = Duration.ofMinutes(2);
    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EmbeddedKafka embeddedKafka;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private String registryUrl;
    private ChurnConfig confluentRun;
    private long imported;
    private RunOutputs onConfluent;
    private RunOutputs onEmbedded;
    private List<ConsumerRecord<String, byte[]>> rawAlerts;

    ConfluentImagesIT(final EmbeddedKafka embeddedKafka) {
        this.embeddedKafka = embeddedKafka;
    }

    @BeforeAll
    void runTheSameHistoryOnBothStacks() throws InterruptedException {
        final PipelineHarness embedded = open(new PipelineHarness(embeddedKafka, open(EmbeddedRegistry.start()),
                "embedded", PARTITIONS));
        final ChurnConfig embeddedRun = embedded.run(embedded.settings(RUN));
        endToEnd(embedded, embeddedRun);
        onEmbedded = embedded.outputs(embeddedRun);

        final Network network = open(Network.newNetwork());
        final KafkaContainer kafka = open(new KafkaContainer(KAFKA_IMAGE).withNetwork(network)
                .withListener(KAFKA_IN_NETWORK));
        kafka.start();
        final GenericContainer<?> registry = open(confluentRegistry(network));
        registry.start();
        registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
        final PipelineHarness confluent = open(new PipelineHarness(kafka.getBootstrapServers(), registryUrl,
                "confluent", PARTITIONS));
        confluentRun = confluent.run(confluent.settings(RUN));
        imported = endToEnd(confluent, confluentRun);
        onConfluent = confluent.outputs(confluentRun);
        rawAlerts = TopicReader.readAll(confluent.clientProperties(), confluentRun.getString(ChurnConfig.TOPIC_ALERTS),
                new ByteArrayDeserializer(), PipelineHarness.TIMEOUT);
    }

    /** Stops what the set-up started, last first: pipelines before their broker, containers before their network. */
    @AfterAll
    void stop() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    @Test
    void shouldPublishTheEmbeddedStacksAlertsWhenRunOnConfluentImages() {
        assertThat(onConfluent.alertsByAccount()).isNotEmpty().isEqualTo(onEmbedded.alertsByAccount());
    }

    @Test
    void shouldPublishTheEmbeddedStacksHealthUpdatesWhenRunOnConfluentImages() {
        assertThat(onConfluent.healthByAccount()).isNotEmpty().isEqualTo(onEmbedded.healthByAccount());
    }

    @Test
    void shouldDeadLetterNothingWhenRunOnConfluentImages() {
        assertThat(imported).isPositive();
        assertThat(onConfluent.deadLetters()).isEmpty();
    }

    @Test
    void shouldListEverySubjectChurnwatchRegisteredWhenConfluentsRegistryIsAsked() throws Exception {
        final List<String> subjects = new ArrayList<>();
        get("/subjects").forEach(subject -> subjects.add(subject.asText()));

        assertThat(subjects).containsAll(Stream.concat(PipelineHarness.inputTopics(confluentRun).stream(),
                Stream.of(ChurnConfig.TOPIC_ALERTS, ChurnConfig.TOPIC_HEALTH).map(confluentRun::getString))
                .map(topic -> topic + "-value").toList());
    }

    @Test
    void shouldCarryTheIdConfluentsRegistryAssignedWhenAnAlertIsPublished() throws Exception {
        final String subject = confluentRun.getString(ChurnConfig.TOPIC_ALERTS) + "-value";
        final int assigned = get("/subjects/" + subject + "/versions/latest").path("id").asInt();

        assertThat(rawAlerts).isNotEmpty().allSatisfy(r -> assertThat(WireFormat.schemaId(r.value()))
                .isEqualTo(assigned));
    }

    @Test
    void shouldDecodeAnAlertWithTheSchemaConfluentServesForItsIdWhenReadRaw() throws Exception {
        final ConsumerRecord<String, byte[]> raw = rawAlerts.get(0);
        final byte[] bytes = raw.value();
        final Schema writer = new Schema.Parser().parse(get("/schemas/ids/" + WireFormat.schemaId(bytes))
                .path("schema").asText());

        final ChurnRiskAlert decoded = new SpecificDatumReader<ChurnRiskAlert>(writer, ChurnRiskAlert.getClassSchema(),
                SpecificData.getForClass(ChurnRiskAlert.class)).read(null, DecoderFactory.get().binaryDecoder(bytes,
                WireFormat.HEADER_LENGTH, bytes.length - WireFormat.HEADER_LENGTH, null));

        assertThat(decoded).isEqualTo(onConfluent.alerts().stream()
                .filter(r -> r.partition() == raw.partition() && r.offset() == raw.offset())
                .findFirst().orElseThrow().value());
    }

    /** Imports the history into run {@code config}'s inputs and runs it until all is processed; the count. */
    private static long endToEnd(final PipelineHarness harness, final ChurnConfig config) throws InterruptedException {
        final long sent = harness.importHistory(config, HISTORY, HistorySlice.all());
        harness.start(config);
        harness.awaitProcessed(config);
        return sent;
    }

    /** Confluent's registry as docker-compose.yml runs it, storing its schemas on the broker container. */
    private static GenericContainer<?> confluentRegistry(final Network network) {
        return new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(REGISTRY_HOST)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", REGISTRY_HOST)
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_IN_NETWORK)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
                .withExposedPorts(REGISTRY_PORT)
                .waitingFor(Wait.forHttp("/subjects").forPort(REGISTRY_PORT).forStatusCode(200)
                        .withStartupTimeout(REGISTRY_START));
    }

    /** {@code path} of Confluent's REST API, as any HTTP client gets it; it must answer 200. */
    private JsonNode get(final String path) throws IOException, InterruptedException {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(registryUrl + path))
                .header("Accept", MEDIA_TYPE).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code resource}, to be closed by {@link #stop()}. */
    private <T extends AutoCloseable> T open(final T resource) {
        opened.push(resource);
        return resource;
    }
}
