package io.churnwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.deploy.DashboardQueries.Query;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Grafana board's queries proven on real data: {@code demo --serve} from the shaded jar, a real Prometheus
 * (Debian's {@code prometheus} package; skipped with a message where it is not installed) scraping it, and every
 * PromQL expression of {@code deploy/grafana/dashboards/churnwatch.json} evaluated through Prometheus' HTTP API:
 * each must be valid and return series. A CRM sink group ({@code connect-crm-webhook}, as Connect names the group
 * of connector {@code crm-webhook}) commits offsets on the alerts halfway, so the Connect sink panels have data.
 */
class DashboardQueriesIT {

    private static final Path DASHBOARD = RepositoryFiles.root().resolve("deploy/grafana/dashboards/churnwatch.json");
    private static final String SINK_GROUP = "connect-crm-webhook";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldReturnSeriesForEveryDashboardQueryWhenPrometheusScrapesTheDemo() throws Exception {
        final Optional<Path> prometheus = LocalPrometheus.binary();
        Assumptions.assumeTrue(prometheus.isPresent(), "prometheus is not installed (Debian: apt-get install "
                + "prometheus): the dashboard's PromQL is not evaluated here");
        final Path jar = Path.of(System.getProperty("churnwatch.jar"));
        try (ServedDemo demo = ServedDemo.start(jar, Duration.ofMinutes(5), "--accounts", "200", "--days", "63",
                "--set", "http.port=0", "--set", "lag.watch.groups=" + SINK_GROUP,
                "--set", "lag.refresh.interval.ms=1000");
             LocalPrometheus server = LocalPrometheus.scraping(prometheus.get(), demo.metricsTarget())) {
            commitHalfOfTheAlerts(demo.bootstrapServers());
            await("prometheus ready").atMost(Duration.ofSeconds(60)).until(server::ready);
            // Six scrapes inside the rate window, the sink group's lag read by the demo and scraped, and a garbage
            // collection since the JVM metrics were bound (account queries make the idle demo allocate).
            await("scrapes of the demo").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> askForTheAtRiskQueue(demo) && server.series("count_over_time(up[20s]) >= 6") == 1
                            && server.series("churnwatch_consumer_lag{group=\"" + SINK_GROUP + "\"}") > 0
                            && server.series("count_over_time(jvm_gc_pause_seconds_count[20s]) >= 2") > 0);

            final List<String> empty = new ArrayList<>();
            final List<Query> queries = DashboardQueries.of(DASHBOARD, "20s").queries();
            for (final Query query : queries) {
                final int series = server.series(query.promql());
                System.out.printf(Locale.ROOT, "DashboardQueriesIT: %3d series  %s%n", series, query.source());
                if (series == 0) {
                    empty.add(query.source() + ": " + query.promql());
                }
            }

            assertThat(queries).hasSizeGreaterThan(20);
            assertThat(empty).as("dashboard queries without series").isEmpty();
        }
    }

    /** Asks the demo for its at-risk queue, as a CS tool would; true once answered. */
    private static boolean askForTheAtRiskQueue(final ServedDemo demo) throws IOException, InterruptedException {
        for (int i = 0; i < 20; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://" + demo.metricsTarget() + "/accounts/at-risk?limit=200"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        return true;
    }

    /** Commits, as a sink group would, half of each alert partition. */
    private static void commitHalfOfTheAlerts(final String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            final List<TopicPartition> partitions = admin.describeTopics(List.of("churn-risk-alerts")).allTopicNames()
                    .get().get("churn-risk-alerts").partitions().stream()
                    .map(p -> new TopicPartition("churn-risk-alerts", p.partition())).toList();
            final Map<TopicPartition, OffsetAndMetadata> half = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset() / 2)));
            admin.alterConsumerGroupOffsets(SINK_GROUP, half).all().get();
        }
    }
}
