package io.churnwatch.connect.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code deploy/connect/create-connectors.sh}, which docker-compose's {@code connect-init} runs, against a real
 * Connect worker: it must create the three shipped sink connectors adapted to the compose stack (the CRM is the
 * local receiver, one replica per dead-letter topic), and leave them alone when run again. The names it creates are
 * the ones whose groups ({@code connect-<name>}) docker-compose lists in {@code lag.watch.groups}.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ComposeConnectorsIT {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    private final EmbeddedKafka kafka;
    private ConnectWorker worker;

    ComposeConnectorsIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    /** A worker of a cluster of its own: no connector exists yet. */
    @BeforeEach
    void startWorker() {
        worker = ConnectWorker.start(kafka.bootstrapServers(), "compose-" + UUID.randomUUID().toString().substring(0, 8),
                "http://127.0.0.1:9", Map.of());
    }

    @Test
    void shouldCreateTheShippedSinksAdaptedToTheStackWhenTheScriptRuns() throws Exception {
        final Run first = Run.of(worker);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("created connector from webhook-sink.json",
                "created connector from postgres-alerts.json", "created connector from postgres-health.json");
        final JsonNode webhook = worker.awaitConfig("crm-webhook");
        assertThat(webhook.path("webhook.url").asText()).isEqualTo("http://crm:8080/churn-alerts");
        for (final String name : new String[] {"crm-webhook", "crm-postgres-alerts", "crm-postgres-health"}) {
            assertThat(worker.awaitConfig(name).path("errors.deadletterqueue.topic.replication.factor").asText())
                    .as(name).isEqualTo("1");
        }
    }

    @Test
    void shouldLeaveTheConnectorsAsTheyAreWhenTheScriptRunsAgain() throws Exception {
        Run.of(worker);

        final Run again = Run.of(worker);

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("connector of webhook-sink.json exists already");
    }

    /** One run of the script against {@code worker}, with the shipped connector JSONs. */
    private record Run(int exitCode, String output) {
        static Run of(final ConnectWorker worker) throws IOException, InterruptedException {
            final ProcessBuilder builder = new ProcessBuilder("sh",
                    ROOT.resolve("deploy/connect/create-connectors.sh").toString()).redirectErrorStream(true);
            builder.environment().put("CONNECT_URL", worker.restUrl());
            builder.environment().put("CONFIG_DIR", ROOT.resolve("connectors/config").toString());
            final Process process = builder.start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(process.waitFor(), output);
        }
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
    }
}
