package io.churnwatch.deploy;

import static io.churnwatch.deploy.ComposeValidator.APP;
import static io.churnwatch.deploy.ComposeValidator.GRAFANA;
import static io.churnwatch.deploy.ComposeValidator.PROMETHEUS;

import com.fasterxml.jackson.databind.JsonNode;
import io.churnwatch.config.ChurnConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks how the compose file wires Prometheus and Grafana to the app, reading the files it mounts.
 *
 * <p>App: its HTTP server listens on every interface ({@code CHURNWATCH_HTTP_BIND_ADDRESS=0.0.0.0}, else nothing
 * outside the container reaches it), its port ({@code CHURNWATCH_HTTP_PORT}, else the declared default) is
 * published, and {@code CHURNWATCH_APPLICATION_SERVER}, when set, names the app's host and that port.
 * Prometheus: waits for the app; mounts a repository file as its {@code --config.file}, which scrapes
 * {@code /metrics} on the app's host and HTTP port. Grafana: mounts a repository directory as its provisioning
 * directory, whose data sources include Prometheus at its service name and port, and whose dashboard providers
 * read mounted repository directories with at least one dashboard; each dashboard has a uid and title, refers
 * only to provisioned data sources, and queries only churnwatch metrics the README documents.
 */
final class MonitoringWiring {

    private static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    private static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";
    private static final int PROMETHEUS_PORT = 9090;
    private static final Pattern CHURNWATCH_METRIC = Pattern.compile("churnwatch_[a-z_]+");

    private final ComposeFile compose;
    private final DeployFiles files;
    private final Set<String> documentedMetrics;
    private final List<String> problems;

    MonitoringWiring(final ComposeFile compose, final DeployFiles files, final Set<String> documentedMetrics,
                     final List<String> problems) {
        this.compose = compose;
        this.files = files;
        this.documentedMetrics = documentedMetrics;
        this.problems = problems;
    }

    void check() {
        final int httpPort = checkApp();
        checkPrometheus(httpPort);
        checkGrafana(listenPort());
    }

    private int checkApp() {
        final Map<String, String> env = compose.environment(APP);
        final String bind = env.getOrDefault("CHURNWATCH_HTTP_BIND_ADDRESS", "");
        if (!Set.of("0.0.0.0", "::").contains(bind)) {
            problem(APP, "CHURNWATCH_HTTP_BIND_ADDRESS is '%s': in a container the HTTP server must listen on "
                    + "0.0.0.0, or Prometheus cannot scrape it", bind);
        }
        final String port = env.getOrDefault("CHURNWATCH_HTTP_PORT",
                String.valueOf(ChurnConfig.CONFIG_DEF.defaultValues().get(ChurnConfig.HTTP_PORT)));
        if (compose.ports(APP).stream().noneMatch(p -> p.endsWith(":" + port))) {
            problem(APP, "the HTTP port %s is not published (ports %s)", port, compose.ports(APP));
        }
        final String advertised = env.get("CHURNWATCH_APPLICATION_SERVER");
        if (advertised != null && compose.hostNames(APP).stream().noneMatch(h -> advertised.equals(h + ":" + port))) {
            problem(APP, "CHURNWATCH_APPLICATION_SERVER '%s' should be <one of %s>:%s, where other instances "
                    + "reach this one", advertised, compose.hostNames(APP), port);
        }
        return Integer.parseInt(port.matches("\\d{1,5}") ? port : "-1");
    }

    private void checkPrometheus(final int httpPort) {
        if (!compose.dependsOn(PROMETHEUS).containsKey(APP)) {
            problem(PROMETHEUS, "does not depend on '%s'", APP);
        }
        final String configPath = flag(PROMETHEUS, "--config.file").orElse(PROMETHEUS_CONFIG);
        final Optional<JsonNode> config = mounted(PROMETHEUS, configPath);
        if (config.isEmpty()) {
            return;
        }
        final Set<String> wanted = new HashSet<>();
        compose.hostNames(APP).forEach(host -> wanted.add(host + ":" + httpPort));
        boolean scraped = false;
        for (final JsonNode job : config.get().path("scrape_configs")) {
            final String path = job.path("metrics_path").asText("/metrics");
            for (final JsonNode target : job.path("static_configs").findValues("targets")) {
                for (final JsonNode address : target) {
                    scraped |= "/metrics".equals(path) && wanted.contains(address.asText());
                }
            }
        }
        if (!scraped) {
            problem(PROMETHEUS, "%s has no scrape config of /metrics on one of %s", configPath, wanted);
        }
    }

    private int listenPort() {
        return flag(PROMETHEUS, "--web.listen-address").map(a -> a.substring(a.lastIndexOf(':') + 1))
                .filter(p -> p.matches("\\d{1,5}")).map(Integer::parseInt).orElse(PROMETHEUS_PORT);
    }

    private void checkGrafana(final int prometheusPort) {
        final String provisioning = compose.bindMounts(GRAFANA).get(GRAFANA_PROVISIONING);
        if (provisioning == null || !files.isDirectory(provisioning)) {
            problem(GRAFANA, "%s is not a mounted directory of the repository", GRAFANA_PROVISIONING);
            return;
        }
        final Set<String> uids = new HashSet<>();
        final Set<String> prometheusUrls = new HashSet<>();
        compose.hostNames(PROMETHEUS).forEach(host -> prometheusUrls.add("http://" + host + ":" + prometheusPort));
        boolean prometheusFound = false;
        for (final String file : files.list(provisioning + "/datasources", ".yml")) {
            for (final JsonNode source : files.read(file).orElseThrow().path("datasources")) {
                uids.add(source.path("uid").asText());
                prometheusFound |= "prometheus".equals(source.path("type").asText())
                        && prometheusUrls.contains(source.path("url").asText());
            }
        }
        if (!prometheusFound) {
            problem(GRAFANA, "no provisioned data source of type prometheus at one of %s", prometheusUrls);
        }
        int dashboards = 0;
        for (final String file : files.list(provisioning + "/dashboards", ".yml")) {
            for (final JsonNode provider : files.read(file).orElseThrow().path("providers")) {
                dashboards += checkDashboards(provider.path("options").path("path").asText(), uids);
            }
        }
        if (dashboards == 0) {
            problem(GRAFANA, "no dashboard is provisioned");
        }
    }

    /** Checks the dashboards a provider reads from {@code containerPath}; returns how many there are. */
    private int checkDashboards(final String containerPath, final Set<String> uids) {
        final String source = compose.bindMounts(GRAFANA).get(containerPath);
        if (source == null || !files.isDirectory(source)) {
            problem(GRAFANA, "dashboard path %s is not a mounted directory of the repository", containerPath);
            return 0;
        }
        final List<String> dashboards = files.list(source, ".json");
        for (final String file : dashboards) {
            final Optional<JsonNode> dashboard = files.read(file);
            if (dashboard.isEmpty() || dashboard.get().path("uid").asText().isEmpty()
                    || dashboard.get().path("title").asText().isEmpty()) {
                problem(GRAFANA, "dashboard %s does not parse or lacks a uid or title", file);
                continue;
            }
            dashboard.get().findValues("datasource").stream().map(ds -> ds.path("uid").asText())
                    .filter(uid -> !uid.isEmpty() && !uid.startsWith("$") && !uids.contains(uid)).distinct()
                    .forEach(uid -> problem(GRAFANA, "dashboard %s uses data source uid '%s', which is not "
                            + "provisioned (%s)", file, uid, uids));
            dashboard.get().findValues("expr").forEach(expr -> {
                final Matcher m = CHURNWATCH_METRIC.matcher(expr.asText());
                while (m.find()) {
                    if (!ReadmeMetrics.covers(documentedMetrics, m.group())) {
                        problem(GRAFANA, "dashboard %s queries %s, which the README does not document", file,
                                m.group());
                    }
                }
            });
        }
        return dashboards.size();
    }

    /** The repository file mounted at {@code containerPath}, read; a problem when it is not there. */
    private Optional<JsonNode> mounted(final String service, final String containerPath) {
        final String source = compose.bindMounts(service).get(containerPath);
        final Optional<JsonNode> tree = source == null ? Optional.empty() : files.read(source);
        if (tree.isEmpty()) {
            problem(service, "%s is not a mounted repository file that parses (mounts %s)", containerPath,
                    compose.bindMounts(service));
        }
        return tree;
    }

    /** The value of a {@code --name=value} word of the service's command. */
    private Optional<String> flag(final String service, final String name) {
        return compose.command(service).stream().filter(word -> word.startsWith(name + "="))
                .map(word -> word.substring(name.length() + 1)).findFirst();
    }

    private void problem(final String service, final String format, final Object... args) {
        problems.add(String.format(Locale.ROOT, "service '%s': ", service) + String.format(Locale.ROOT, format, args));
    }
}
