package io.churnwatch.deploy;

import static io.churnwatch.deploy.ComposeFixture.environment;
import static io.churnwatch.deploy.ComposeFixture.problemsAfter;
import static io.churnwatch.deploy.ComposeFixture.problemsAfterFileChange;
import static io.churnwatch.deploy.ComposeFixture.service;
import static io.churnwatch.deploy.ComposeValidator.APP;
import static io.churnwatch.deploy.ComposeValidator.GRAFANA;
import static io.churnwatch.deploy.ComposeValidator.PROMETHEUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each check of how Prometheus and Grafana watch the app rejects a copy of the compose file, or of a file it
 * mounts, altered to break it.
 */
class MonitoringWiringTest {

    private static final String PROMETHEUS_YML = "deploy/prometheus/prometheus.yml";
    private static final String DATASOURCES_YML = "deploy/grafana/provisioning/datasources/prometheus.yml";
    private static final String DASHBOARD = "deploy/grafana/dashboards/churnwatch.json";

    @Test
    void shouldRejectWhenTheAppListensOnLoopbackOnly() {
        final List<String> problems = problemsAfter(root ->
                environment(root, APP).put("CHURNWATCH_HTTP_BIND_ADDRESS", "127.0.0.1"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("CHURNWATCH_HTTP_BIND_ADDRESS is '127.0.0.1'"));
    }

    @Test
    void shouldRejectWhenTheHttpPortIsNotPublished() {
        final List<String> problems = problemsAfter(root -> service(root, APP).putArray("ports").add("8080:9000"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("the HTTP port 8080 is not published"));
    }

    @Test
    void shouldRejectWhenApplicationServerIsNotTheAppsHttpAddress() {
        final List<String> problems = problemsAfter(root ->
                environment(root, APP).put("CHURNWATCH_APPLICATION_SERVER", "localhost:8080"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("CHURNWATCH_APPLICATION_SERVER 'localhost:8080'"));
    }

    @Test
    void shouldRejectWhenPrometheusScrapesAnotherPortThanTheApps() {
        final List<String> problems = problemsAfter(root -> environment(root, APP).put("CHURNWATCH_HTTP_PORT", "9000")
                .remove("CHURNWATCH_APPLICATION_SERVER"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no scrape config of /metrics on one of"));
    }

    @Test
    void shouldRejectWhenThePrometheusConfigIsNotMounted() {
        final List<String> problems = problemsAfter(root -> ((ArrayNode) service(root, PROMETHEUS).path("volumes"))
                .removeAll().add("./deploy/prometheus/missing.yml:/etc/prometheus/prometheus.yml:ro"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("/etc/prometheus/prometheus.yml is not a mounted"));
    }

    @Test
    void shouldRejectWhenPrometheusDoesNotScrapeTheApp() {
        final List<String> problems = problemsAfterFileChange(PROMETHEUS_YML, tree -> ((ArrayNode) tree
                .path("scrape_configs").get(0).path("static_configs").get(0).path("targets")).removeAll()
                .add("localhost:8080"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no scrape config of /metrics"));
    }

    @Test
    void shouldRejectWhenGrafanasDataSourceIsNotThePrometheusService() {
        final List<String> problems = problemsAfterFileChange(DATASOURCES_YML, tree ->
                ((ObjectNode) tree.path("datasources").get(0)).put("url", "http://localhost:9090"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no provisioned data source of type prometheus"));
    }

    @Test
    void shouldRejectWhenADashboardQueriesAMetricTheReadmeDoesNotDocument() {
        final List<String> problems = problemsAfterFileChange(DASHBOARD, tree -> target(tree)
                .put("expr", "sum(rate(churnwatch_made_up_total[5m]))"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("queries churnwatch_made_up_total"));
    }

    @Test
    void shouldRejectWhenADashboardUsesADataSourceThatIsNotProvisioned() {
        final List<String> problems = problemsAfterFileChange(DASHBOARD, tree ->
                ((ObjectNode) target(tree).path("datasource")).put("uid", "elsewhere"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("data source uid 'elsewhere'"));
    }

    @Test
    void shouldRejectWhenGrafanaHasNoProvisioningDirectory() {
        final List<String> problems = problemsAfter(root -> ((ArrayNode) service(root, GRAFANA).path("volumes"))
                .removeAll());

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("/etc/grafana/provisioning is not a mounted"));
    }

    /** The first query of the first panel that has one. */
    private static ObjectNode target(final JsonNode dashboard) {
        for (final JsonNode panel : dashboard.path("panels")) {
            if (panel.path("targets").size() > 0) {
                return (ObjectNode) panel.path("targets").get(0);
            }
        }
        throw new AssertionError("no panel with a query");
    }
}
