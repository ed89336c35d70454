package io.churnwatch.http;

import static io.churnwatch.http.Traffic.billing;
import static io.churnwatch.http.Traffic.day;
import static io.churnwatch.http.Traffic.login;
import static io.churnwatch.http.Traffic.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.deploy.ReadmeMetrics;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.ops.PrometheusScrape;
import io.churnwatch.signals.HealthScoreUpdate;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP endpoints of one running instance on the embedded broker, after a traffic that exercises every
 * meter: six accounts in two segments, logins stopping at different days, a cancellation request (an alert),
 * a duplicate of the latest login, a late record, a record after {@code input.until.ms} and an undecodable one.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsEndpointsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACCOUNTS = 6;

    private final String prefix = "ops-" + UUID.randomUUID() + "-";
    private ChurnConfig config;
    private Instance instance;

    @BeforeAll
    void startAndSendTraffic(final EmbeddedKafka kafka) throws Exception {
        config = Instance.config(kafka, prefix, Map.of(ChurnConfig.INPUT_UNTIL_MS, day(80).toEpochMilli()));
        Traffic.createTopics(config);
        instance = Instance.create(config).start();
        final List<SpecificRecord> records = new ArrayList<>();
        IntStream.range(0, ACCOUNTS).forEach(i -> records.add(profile(account(i),
                i % 2 == 0 ? Segment.HIGH_TOUCH : Segment.TECH_TOUCH)));
        final List<UsageEvent> logins = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            for (int d = 0; d <= 40 - 5 * i; d++) {
                logins.add(login(account(i), day(d)));
            }
        }
        logins.sort(Comparator.comparing(UsageEvent::getOccurredAt));
        records.addAll(logins);
        records.add(billing(account(1), day(30), BillingEventType.CANCELLATION_REQUESTED));
        records.add(logins.get(logins.size() - 1));
        records.add(login(account(0), day(2)));
        records.add(login(account(0), day(85)));
        Traffic.send(config, records);
        Traffic.sendGarbage(config, account(0), day(40));
        Traffic.awaitCaughtUp(config);
    }

    @AfterAll
    void stop() {
        instance.close();
    }

    private static String account(final int i) {
        return "acct-" + i;
    }

    @Test
    void shouldServeEveryMetricTheReadmeDocumentsWhenTrafficFlowed() {
        final Set<String> documented = ReadmeMetrics.names();
        assertThat(documented).as("metric names in the README").hasSizeGreaterThan(10);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final Set<String> served = instance.scrape().names();
            assertThat(documented).allSatisfy(name -> assertThat(served)
                    .anyMatch(s -> ReadmeMetrics.covers(Set.of(name), s)));
        });
    }

    @Test
    void shouldServeKafkaStreamsClientAndJvmMetricsWhenRunning() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(instance.scrape().names())
                .anyMatch(n -> n.startsWith("kafka_stream_thread_"))
                .anyMatch(n -> n.startsWith("kafka_stream_state_"))
                .anyMatch(n -> n.startsWith("kafka_consumer_"))
                .anyMatch(n -> n.startsWith("kafka_producer_"))
                .anyMatch(n -> n.startsWith("jvm_memory_")));
    }

    @Test
    void shouldCountEventsProcessedWhenMoreTrafficArrives() {
        final Map<String, String> usage = Map.of("topic", config.getString(ChurnConfig.TOPIC_USAGE));
        final double before = instance.scrape().sum("churnwatch_events_processed_total", usage).orElseThrow();

        Traffic.send(config, IntStream.range(0, 7).mapToObj(d -> login("acct-more", day(50 + d))).toList());

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                instance.scrape().sum("churnwatch_events_processed_total", usage).orElseThrow())
                .isEqualTo(before + 7));
    }

    @Test
    void shouldAnswerTheScoreOfTheLastHealthRecordWhenAskedForAnAccount() throws IOException {
        Traffic.awaitCaughtUp(config);
        final Map<String, HealthScoreUpdate> published = Traffic.lastHealth(config);
        assertThat(published).isNotEmpty();

        for (final Map.Entry<String, HealthScoreUpdate> last : published.entrySet()) {
            final HttpResponse<String> response = instance.get("/accounts/" + last.getKey() + "/health");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            final JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("score").asInt()).as(last.getKey()).isEqualTo(last.getValue().getScore());
            assertThat(body.path("band").asText()).isEqualTo(last.getValue().getBand().name());
        }
    }

    @Test
    void shouldListTheOpenAlertWhenAnAccountRequestedCancellation() throws IOException {
        final JsonNode body = JSON.readTree(instance.get("/accounts/" + account(1) + "/health").body());

        assertThat(body.path("openAlerts").findValuesAsText("signal")).contains("CANCELLATION_REQUESTED");
    }

    @Test
    void shouldAnswerComponentsWhosePointsSumToTheScoreWhenAskedForAnAccount() throws IOException {
        final JsonNode body = JSON.readTree(instance.get("/accounts/" + account(0) + "/health").body());

        final double points = body.path("components").findValues("points").stream().mapToDouble(JsonNode::asDouble)
                .sum();
        assertThat(Math.round(points)).isEqualTo(body.path("score").asLong());
    }

    @Test
    void shouldAnswer404WithAJsonErrorWhenTheAccountIsUnknown() throws IOException {
        final HttpResponse<String> response = instance.get("/accounts/nobody/health");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("unknown account 'nobody'");
    }

    @Test
    void shouldListTheLowestScoresFirstWhenAskedForAtRiskAccounts() throws IOException {
        Traffic.awaitCaughtUp(config);
        final List<Integer> lowest = Traffic.lastHealth(config).values().stream().map(HealthScoreUpdate::getScore)
                .sorted().limit(3).toList();

        final JsonNode body = JSON.readTree(instance.get("/accounts/at-risk?limit=3").body());

        assertThat(body.path("accounts").findValues("score").stream().map(JsonNode::asInt).toList())
                .isEqualTo(lowest);
    }

    @Test
    void shouldListOnlyTheSegmentWhenAskedForAtRiskAccountsOfOneSegment() throws IOException {
        final JsonNode body = JSON.readTree(instance.get("/accounts/at-risk?segment=tech_touch&limit=50").body());

        assertThat(body.path("accounts").findValuesAsText("segment")).isNotEmpty().containsOnly("TECH_TOUCH");
    }

    @Test
    void shouldCountEveryScoredAccountInABandWhenTheCensusRan() {
        Traffic.awaitCaughtUp(config);
        final int scored = Traffic.lastHealth(config).size();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final PrometheusScrape scrape = instance.scrape();
            assertThat(scrape.sum("churnwatch_accounts_band", Map.of()).orElseThrow()).isEqualTo(scored);
            assertThat(scrape.sum("churnwatch_accounts_tracked", Map.of()).orElseThrow()).isEqualTo(scored);
        });
    }

    @Test
    void shouldExportTheAppsLagPerInputPartitionWhenRunning() {
        final String usage = config.getString(ChurnConfig.TOPIC_USAGE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(instance.scrape()
                .find("churnwatch_consumer_lag", Map.of("group", config.applicationId(), "topic", usage)))
                .hasSize(2));
    }
}
