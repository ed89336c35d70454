package io.churnwatch.http;

import static io.churnwatch.http.Traffic.day;
import static io.churnwatch.http.Traffic.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.signals.HealthScoreUpdate;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of one application, each owning half of the partitions: either answers a query for any
 * account, the one that does not own it by forwarding to the one that does.
 */
@ExtendWith(EmbeddedStackExtension.class)
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACCOUNTS = 16;

    private final EmbeddedKafka kafka;
    private final String prefix = "two-" + UUID.randomUUID() + "-";

    TwoInstancesIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void shouldAnswerEveryAccountFromEitherInstanceWhenTheyShareTheWork() throws Exception {
        final Map<String, Object> fourPartitions = Map.of("topics.partitions", 4);
        final ChurnConfig first = Instance.config(kafka, prefix, fourPartitions);
        final ChurnConfig second = Instance.config(kafka, prefix, Map.of("topics.partitions", 4,
                ChurnConfig.STATE_DIR, Files.createTempDirectory("churnwatch-it").toString()));
        Traffic.createTopics(first);
        Traffic.send(first, IntStream.range(0, ACCOUNTS).boxed()
                .flatMap(i -> IntStream.rangeClosed(0, i).mapToObj(d -> login("acct-" + i, day(d)))).toList());

        try (Instance a = Instance.create(first); Instance b = Instance.create(second)) {
            a.pipeline().start();
            b.pipeline().start();
            await().atMost(Duration.ofMinutes(2)).until(() -> bothOwnTasks(a, b));
            Traffic.awaitCaughtUp(first);
            final Map<String, HealthScoreUpdate> published = Traffic.lastHealth(first);
            assertThat(published).hasSize(ACCOUNTS);

            final Set<String> servers = new HashSet<>();
            for (final Map.Entry<String, HealthScoreUpdate> account : published.entrySet()) {
                for (final Instance asked : List.of(a, b)) {
                    final HttpResponse<String> response = asked.get("/accounts/" + account.getKey() + "/health");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    final JsonNode body = JSON.readTree(response.body());
                    assertThat(body.path("score").asInt()).isEqualTo(account.getValue().getScore());
                    servers.add(body.path("servedBy").asText());
                }
            }
            assertThat(servers).containsExactlyInAnyOrder(a.applicationServer(), b.applicationServer());
        }
    }

    private static boolean bothOwnTasks(final Instance a, final Instance b) {
        return List.of(a, b).stream().allMatch(i -> i.pipeline().streams().state() == KafkaStreams.State.RUNNING
                && i.pipeline().streams().metadataForLocalThreads().stream()
                        .anyMatch(t -> !t.activeTasks().isEmpty()));
    }
}
