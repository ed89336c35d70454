package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.embedded.FreePorts;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.http.OpsServer;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.ops.Monitoring;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The broker goes away mid-stream and comes back: the embedded broker is shut down while the second quarter of a
 * history waits to be processed (the pipeline, caught up on the first quarter, is paused while it is imported and
 * resumed as the broker goes), stays down for a while, and starts again on the same log directory and
 * port, after which the rest of the history arrives. The pipeline must ride it out (no crash, no restart by us)
 * and publish what a run that never saw the outage publishes, nothing twice; its readiness probe (served as
 * {@code churnwatch run} serves it) answers 503 while the broker is gone and 200 again after, and the lag gauges
 * read 0 again once everything is processed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerRestartIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(60)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(37L);
    private static final Instant QUARTER = HISTORY.dayStart(HISTORY.days() / 4);
    private static final Instant HALFWAY = HISTORY.dayStart(HISTORY.days() / 2);
    /** Longer than the lag monitor's Admin timeout (10 s), after which a failed read marks the cluster unreachable. */
    private static final Duration OUTAGE = Duration.ofSeconds(16);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Set<KafkaStreams.State> statesSeen = ConcurrentHashMap.newKeySet();
    private final Set<Integer> readinessBefore = ConcurrentHashMap.newKeySet();
    private final Set<Integer> readinessDuringOutage = ConcurrentHashMap.newKeySet();
    private String clusterWhileDown;
    private OpsServer server;
    private Monitoring monitoring;
    private long lagWhileDown;
    private long lagAfter;
    private Path logDir;
    private int port;
    private EmbeddedKafka kafka;
    private EmbeddedRegistry registry;
    private PipelineHarness harness;
    private long lagWhenStopped;
    private long firstHalf;
    private RunOutputs outputs;
    private RunOutputs reference;

    @BeforeAll
    void runThroughABrokerOutage() throws IOException, InterruptedException {
        logDir = Files.createTempDirectory("churnwatch-broker-restart-");
        port = FreePorts.find();
        kafka = broker();
        registry = EmbeddedRegistry.start();
        harness = new PipelineHarness(kafka, registry, "broker-restart", 2);
        final Map<String, String> settings = harness.settings("interrupted");
        settings.put(ChurnConfig.LAG_REFRESH_MS, "500");
        settings.put(ChurnConfig.HTTP_PORT, "0");
        // Input arrives while the pipeline runs (after the pause, after the outage): a task caught up must wait for
        // the fetch of all its partitions, or it processes one topic ahead of another (README, Guarantees).
        settings.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "10000");
        final ChurnConfig interrupted = harness.run(settings);
        final long firstQuarter = harness.importHistory(interrupted, HISTORY, HistorySlice.before(QUARTER));
        final ChurnPipeline pipeline = harness.start(served(interrupted));
        await("ready before the outage").atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
        readinessBefore.add(readiness());
        harness.awaitProcessed(interrupted);
        // Paused, the pipeline leaves the rest of the first half unprocessed however fast it is: the broker stops
        // mid-stream, with input waiting, and the pipeline runs on (resumed) through the outage.
        pipeline.streams().pause();
        firstHalf = firstQuarter + harness.importHistory(interrupted, HISTORY, new HistorySlice(QUARTER, HALFWAY, false));
        try (KafkaOffsets offsets = new KafkaOffsets(harness.clientProperties(), Duration.ofSeconds(10))) {
            lagWhenStopped = offsets.total(interrupted.applicationId(), PipelineHarness.inputTopics(interrupted));
        }
        await("the lag monitor sees the waiting input").atMost(Duration.ofSeconds(30))
                .until(() -> monitoring.lag().total(interrupted.applicationId()) > 0);

        kafka.close();
        pipeline.streams().resume();
        final long down = System.nanoTime();
        while (System.nanoTime() - down < OUTAGE.toNanos()) {
            statesSeen.add(pipeline.streams().state());
            readinessDuringOutage.add(readiness());
            if (!monitoring.clusterContact().reachable()) {
                clusterWhileDown = monitoring.clusterContact().describe();
            }
            Thread.sleep(200);
        }
        lagWhileDown = monitoring.lag().total(interrupted.applicationId());
        kafka = broker();
        harness.importHistory(interrupted, HISTORY, HistorySlice.from(HALFWAY));
        harness.awaitProcessed(interrupted);
        final Instant processed = Instant.now();
        statesSeen.add(pipeline.streams().state());
        await("ready after the outage").atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);
        await("lag read after the outage").atMost(Duration.ofSeconds(30)).until(() ->
                monitoring.lag().readAt() != null && monitoring.lag().readAt().isAfter(processed));
        lagAfter = monitoring.lag().total(interrupted.applicationId());
        outputs = harness.outputs(interrupted);
        System.out.printf(Locale.ROOT, "BrokerRestartIT: broker stopped with %d of %d first-half records unprocessed, "
                + "down %d s; states seen %s; readiness during the outage %s (%s); %d alert and %d health records "
                + "after; lag %d as last read while down, %d after%n", lagWhenStopped, firstHalf, OUTAGE.toSeconds(),
                statesSeen, readinessDuringOutage, clusterWhileDown, outputs.alerts().size(), outputs.health().size(),
                lagWhileDown, lagAfter);

        final ChurnConfig uninterrupted = harness.run("uninterrupted");
        harness.start(uninterrupted);
        harness.awaitProcessed(uninterrupted);
        reference = harness.outputs(uninterrupted);
    }

    /** The pipeline of {@code config} with the probes and monitoring {@code churnwatch run} gives it. */
    private ChurnPipeline served(final ChurnConfig config) {
        final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final ChurnPipeline pipeline = harness.create(config);
        server = OpsServer.start(config, prometheus);
        monitoring = Monitoring.start(config, pipeline.streams(), new ChurnMetrics(prometheus));
        server.attach(pipeline.streams(), monitoring);
        return pipeline;
    }

    /** The status of {@code GET /health/ready}, or 0 when the server did not answer. */
    private int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.uri() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (final IOException e) {
            return 0;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private EmbeddedKafka broker() {
        return EmbeddedKafka.builder().logDir(logDir).brokerPort(port).start();
    }

    @AfterAll
    void stop() throws IOException {
        if (monitoring != null) {
            monitoring.close();
        }
        if (server != null) {
            server.close();
        }
        if (harness != null) {
            harness.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        Utils.delete(logDir.toFile());
    }

    @Test
    void shouldKeepRunningWithoutCrashingWhenTheBrokerIsDownForAWhile() {
        assertThat(lagWhenStopped).as("stopped mid-stream").isPositive().isLessThan(firstHalf);
        assertThat(statesSeen).doesNotContain(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR,
                KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING).contains(KafkaStreams.State.RUNNING);
    }

    @Test
    void shouldAnswerNotReadyWhileTheBrokerIsDownAndReadyAgainAfter() {
        assertThat(readinessBefore).containsOnly(200);
        assertThat(readinessDuringOutage).contains(503).doesNotContain(0);
        assertThat(clusterWhileDown).startsWith("unreachable since ");
        assertThat(readiness()).isEqualTo(200);
    }

    @Test
    void shouldReadTheLagBackToZeroWhenTheRestIsProcessedAfterTheOutage() {
        assertThat(lagWhileDown).as("the last lag read before the broker went").isPositive();
        assertThat(lagAfter).isZero();
    }

    @Test
    void shouldPublishNothingTwiceWhenTheBrokerRestartedMidStream() {
        assertThat(outputs.duplicateAlerts()).isEmpty();
        assertThat(outputs.duplicateHealthUpdates()).isEmpty();
    }

    @Test
    void shouldPublishTheOutputsOfARunWithoutOutageWhenTheBrokerRestartedMidStream() {
        assertThat(outputs.alerts()).isNotEmpty();
        assertThat(outputs.alertsByAccount()).isEqualTo(reference.alertsByAccount());
        assertThat(outputs.healthByAccount()).isEqualTo(reference.healthByAccount());
    }
}
