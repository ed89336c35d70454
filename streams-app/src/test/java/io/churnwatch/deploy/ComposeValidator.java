package io.churnwatch.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks of churnwatch's docker-compose file: what can be known to be wrong without a Docker daemon.
 *
 * <p>{@link #validate} returns one line per problem and an empty list when the file passes. The checks here
 * hold for every service: the stack's services exist; each has a build or an image pinned to a version tag
 * (never {@code latest}; the broker's tag is the Kafka version the app is built with); each port is
 * {@code HOST:CONTAINER} with valid numbers and no host port is published twice; each dependency names a
 * service, and one waited on as {@code service_healthy} has a healthcheck. {@link StackWiring} checks how
 * the broker, the registry and the app are wired to each other, {@link MonitoringWiring} how Prometheus and
 * Grafana watch the app.
 */
final class ComposeValidator {

    static final String KAFKA = "kafka";
    static final String REGISTRY = "schema-registry";
    static final String APP = "churnwatch";
    static final String PROMETHEUS = "prometheus";
    static final String GRAFANA = "grafana";

    private static final Pattern PORT = Pattern.compile(
            "^(?:(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:]+]):)?(\\d{1,5}):(\\d{1,5})(?:/(?:tcp|udp))?$");
    private static final int MAX_PORT = 65_535;

    private final Set<String> knownConfigKeys;
    private final String kafkaVersion;
    private final DeployFiles files;
    private final Set<String> documentedMetrics;

    /**
     * @param knownConfigKeys   every key the app accepts: declared by ChurnConfig or known to Kafka clients
     * @param kafkaVersion      the Kafka version the app is built with, expected as the broker image's tag
     * @param files             the repository files the compose file mounts
     * @param documentedMetrics the metric names the README documents, the only ones dashboards may query
     */
    ComposeValidator(final Set<String> knownConfigKeys, final String kafkaVersion, final DeployFiles files,
                     final Set<String> documentedMetrics) {
        this.knownConfigKeys = Set.copyOf(knownConfigKeys);
        this.kafkaVersion = kafkaVersion;
        this.files = files;
        this.documentedMetrics = Set.copyOf(documentedMetrics);
    }

    /** The same checks on other repository files. */
    ComposeValidator withFiles(final DeployFiles other) {
        return new ComposeValidator(knownConfigKeys, kafkaVersion, other, documentedMetrics);
    }

    List<String> validate(final ComposeFile compose) {
        final List<String> problems = new ArrayList<>();
        for (final String required : List.of(KAFKA, REGISTRY, APP, PROMETHEUS, GRAFANA)) {
            if (!compose.serviceNames().contains(required)) {
                problems.add(String.format(Locale.ROOT, "service '%s' is missing", required));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        checkImages(compose, problems);
        checkPorts(compose, problems);
        checkDependencies(compose, problems);
        new StackWiring(compose, knownConfigKeys, problems).check();
        new MonitoringWiring(compose, files, documentedMetrics, problems).check();
        return problems;
    }

    /** The tag of an image reference, empty when it has none ({@code registry:5000/repo} has none). */
    static Optional<String> imageTag(final String image) {
        final int at = image.indexOf('@');
        final String name = at < 0 ? image : image.substring(0, at);
        final int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? Optional.of(name.substring(colon + 1)) : Optional.empty();
    }

    /** Whether an image reference names one version: a digest, or a tag other than {@code latest}. */
    static boolean isPinned(final String image) {
        return image.contains("@sha256:") || imageTag(image).filter(tag -> !"latest".equals(tag)).isPresent();
    }

    private void checkImages(final ComposeFile compose, final List<String> problems) {
        for (final String name : compose.serviceNames()) {
            final boolean built = !compose.service(name).path("build").isMissingNode();
            final String image = compose.service(name).path("image").asText("");
            if (image.isEmpty() && !built) {
                problems.add(String.format(Locale.ROOT, "service '%s' has neither an image nor a build", name));
            } else if (!image.isEmpty() && !built && !isPinned(image)) {
                problems.add(String.format(Locale.ROOT,
                        "service '%s': image '%s' is not pinned to a version tag", name, image));
            }
        }
        final String brokerImage = compose.service(KAFKA).path("image").asText("");
        if (!imageTag(brokerImage).orElse("").equals(kafkaVersion)) {
            problems.add(String.format(Locale.ROOT,
                    "service 'kafka': image '%s' should be tagged %s, the Kafka version the app is built with",
                    brokerImage, kafkaVersion));
        }
    }

    private static void checkPorts(final ComposeFile compose, final List<String> problems) {
        final Map<Integer, String> hostPorts = new HashMap<>();
        for (final String name : compose.serviceNames()) {
            for (final String port : compose.ports(name)) {
                final Matcher m = PORT.matcher(port);
                if (!m.matches() || !inRange(m.group(1)) || !inRange(m.group(2))) {
                    problems.add(String.format(Locale.ROOT,
                            "service '%s': port '%s' is not HOST:CONTAINER with ports in 1..65535", name, port));
                    continue;
                }
                final String previous = hostPorts.putIfAbsent(Integer.parseInt(m.group(1)), name);
                if (previous != null) {
                    problems.add(String.format(Locale.ROOT,
                            "service '%s': host port %s is already published by '%s'", name, m.group(1), previous));
                }
            }
        }
    }

    private static boolean inRange(final String port) {
        final int value = Integer.parseInt(port);
        return value >= 1 && value <= MAX_PORT;
    }

    private static void checkDependencies(final ComposeFile compose, final List<String> problems) {
        for (final String name : compose.serviceNames()) {
            compose.dependsOn(name).forEach((target, condition) -> {
                if (!compose.serviceNames().contains(target)) {
                    problems.add(String.format(Locale.ROOT,
                            "service '%s' depends on '%s', which is not a service", name, target));
                } else if ("service_healthy".equals(condition)
                        && compose.service(target).path("healthcheck").path("test").isMissingNode()) {
                    problems.add(String.format(Locale.ROOT,
                            "service '%s' waits for '%s' to be healthy, which has no healthcheck", name, target));
                }
            });
        }
    }
}
