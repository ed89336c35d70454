package io.churnwatch.deploy;

import static io.churnwatch.deploy.ComposeValidator.APP;
import static io.churnwatch.deploy.ComposeValidator.KAFKA;
import static io.churnwatch.deploy.ComposeValidator.REGISTRY;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * Checks how the compose file wires the single-node KRaft broker, the schema registry and the app together.
 *
 * <p>Broker: a valid cluster id; one node in both roles, voting through its own controller listener; every
 * listener with a security protocol; each advertised listener either on a container name and its own port
 * (the internal address) or on {@code localhost} and published on the host with that number; the
 * offsets/transaction logs and every other internal topic at one replica with a min ISR of one (the app runs
 * {@code exactly_once_v2}, whose transactions cannot start otherwise). Registry: stores its schemas through
 * an internal broker address. App: every {@code CHURNWATCH_*} variable maps to a known key (prefix dropped,
 * lower-cased, {@code _} read as {@code .}, as the CLI reads them); bootstrap servers are internal broker
 * addresses; the registry URL names the registry service on a port it listens on; the state directory is a
 * mounted volume; it starts with {@code run} once both others are healthy.
 */
final class StackWiring {

    static final String ENV_PREFIX = "CHURNWATCH_";

    private static final List<String> SINGLE_REPLICA_ESSENTIALS = List.of(
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");

    private final ComposeFile compose;
    private final Set<String> knownConfigKeys;
    private final List<String> problems;

    StackWiring(final ComposeFile compose, final Set<String> knownConfigKeys, final List<String> problems) {
        this.compose = compose;
        this.knownConfigKeys = knownConfigKeys;
        this.problems = problems;
    }

    /** The configuration key an environment variable sets: {@code CHURNWATCH_STATE_DIR} is {@code state.dir}. */
    static String configKey(final String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    void check() {
        final List<Endpoint> internalBroker = checkBroker();
        final List<Integer> registryPorts = checkRegistry(internalBroker);
        checkApp(internalBroker, registryPorts);
    }

    private List<Endpoint> checkBroker() {
        final Map<String, String> env = compose.environment(KAFKA);
        try {
            Uuid.fromString(env.getOrDefault("CLUSTER_ID", ""));
        } catch (final IllegalArgumentException e) {
            problem(KAFKA, "CLUSTER_ID '%s' is not a Kafka cluster id (%s)", env.get("CLUSTER_ID"), e.getMessage());
        }
        final Set<String> roles = Set.of(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split("\\s*,\\s*"));
        if (!roles.equals(Set.of("broker", "controller"))) {
            problem(KAFKA, "KAFKA_PROCESS_ROLES must be broker,controller for one KRaft node, was '%s'",
                    env.get("KAFKA_PROCESS_ROLES"));
        }
        final Map<String, Endpoint> listeners = byName(endpoints(KAFKA, env, "KAFKA_LISTENERS"));
        final Set<String> mapped = Arrays.stream(env.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "")
                .split(",")).map(pair -> pair.split(":")[0].trim()).collect(Collectors.toSet());
        listeners.keySet().stream().filter(name -> !mapped.contains(name)).forEach(name ->
                problem(KAFKA, "listener %s has no entry in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", name));
        checkVoters(env, listeners);
        final List<Endpoint> internal = checkAdvertised(env, listeners);
        env.forEach((key, value) -> {
            if ((key.endsWith("_REPLICATION_FACTOR") || key.endsWith("_MIN_ISR")) && !"1".equals(value)) {
                problem(KAFKA, "%s is %s, but a single broker holds one replica of each partition", key, value);
            }
        });
        SINGLE_REPLICA_ESSENTIALS.stream().filter(key -> !env.containsKey(key)).forEach(key ->
                problem(KAFKA, "%s is not set, and its default needs more than one broker", key));
        return internal;
    }

    private void checkVoters(final Map<String, String> env, final Map<String, Endpoint> listeners) {
        final String controllerName = env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "");
        final Endpoint controller = listeners.get(controllerName);
        if (controller == null) {
            problem(KAFKA, "controller listener '%s' is not in KAFKA_LISTENERS", controllerName);
            return;
        }
        final Set<String> expected = compose.hostNames(KAFKA).stream()
                .map(host -> env.get("KAFKA_NODE_ID") + "@" + host + ":" + controller.port())
                .collect(Collectors.toSet());
        final String voters = env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
        if (!expected.contains(voters)) {
            problem(KAFKA, "KAFKA_CONTROLLER_QUORUM_VOTERS '%s' should be this node on its controller port, one of %s",
                    voters, expected);
        }
    }

    /** Checks the advertised listeners; returns those other containers use. */
    private List<Endpoint> checkAdvertised(final Map<String, String> env, final Map<String, Endpoint> listeners) {
        final Set<String> kafkaHosts = compose.hostNames(KAFKA);
        final List<Endpoint> internal = new ArrayList<>();
        final List<Endpoint> advertised = endpoints(KAFKA, env, "KAFKA_ADVERTISED_LISTENERS");
        for (final Endpoint endpoint : advertised) {
            final Endpoint bound = listeners.get(endpoint.scheme());
            if (bound == null) {
                problem(KAFKA, "advertised listener %s is not in KAFKA_LISTENERS", endpoint.scheme());
            } else if (kafkaHosts.contains(endpoint.host()) && endpoint.port() == bound.port()) {
                internal.add(endpoint);
            } else if (!"localhost".equals(endpoint.host())
                    || !compose.ports(KAFKA).contains(endpoint.port() + ":" + bound.port())) {
                problem(KAFKA, "advertised listener %s://%s is neither internal (%s on port %d) nor published "
                        + "on the host as \"%d:%d\"", endpoint.scheme(), endpoint.hostPort(), kafkaHosts,
                        bound.port(), endpoint.port(), bound.port());
            }
        }
        final String interBroker = env.getOrDefault("KAFKA_INTER_BROKER_LISTENER_NAME", "");
        if (internal.stream().noneMatch(endpoint -> endpoint.scheme().equals(interBroker))) {
            problem(KAFKA, "KAFKA_INTER_BROKER_LISTENER_NAME '%s' is not an internal advertised listener", interBroker);
        }
        return internal;
    }

    private List<Integer> checkRegistry(final List<Endpoint> internalBroker) {
        final Map<String, String> env = compose.environment(REGISTRY);
        requireInternal(REGISTRY, env, "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", internalBroker);
        if (env.getOrDefault("SCHEMA_REGISTRY_HOST_NAME", "").isBlank()) {
            problem(REGISTRY, "SCHEMA_REGISTRY_HOST_NAME is not set");
        }
        return endpoints(REGISTRY, env, "SCHEMA_REGISTRY_LISTENERS").stream().map(Endpoint::port).toList();
    }

    private void checkApp(final List<Endpoint> internalBroker, final List<Integer> registryPorts) {
        final Map<String, String> env = compose.environment(APP);
        env.keySet().stream().filter(name -> name.startsWith(ENV_PREFIX))
                .filter(name -> !knownConfigKeys.contains(configKey(name)))
                .forEach(name -> problem(APP, "%s sets '%s', which ChurnConfig does not declare and Kafka clients "
                        + "do not know", name, configKey(name)));
        requireInternal(APP, env, ENV_PREFIX + "BOOTSTRAP_SERVERS", internalBroker);
        final String registryUrl = env.getOrDefault(ENV_PREFIX + "SCHEMA_REGISTRY_URL", "");
        final Optional<URI> uri = Optional.of(registryUrl).filter(url -> url.matches("^https?://.+"))
                .map(URI::create);
        if (uri.isEmpty() || !compose.hostNames(REGISTRY).contains(uri.get().getHost())
                || !registryPorts.contains(uri.get().getPort())) {
            problem(APP, "%sSCHEMA_REGISTRY_URL '%s' should be http://%s:<one of %s>", ENV_PREFIX, registryUrl,
                    REGISTRY, registryPorts);
        }
        final String stateDir = env.getOrDefault(ENV_PREFIX + "STATE_DIR", "");
        if (!compose.volumeTargets(APP).contains(stateDir)) {
            problem(APP, "%sSTATE_DIR '%s' is not a mounted volume, so state is lost with the container",
                    ENV_PREFIX, stateDir);
        }
        for (final String dependency : List.of(KAFKA, REGISTRY)) {
            if (!"service_healthy".equals(compose.dependsOn(APP).get(dependency))) {
                problem(APP, "does not wait for '%s' to be healthy", dependency);
            }
        }
        if (compose.service(APP).path("build").isMissingNode()) {
            problem(APP, "is not built from the repository");
        }
        if (!List.of("run").equals(compose.command(APP))) {
            problem(APP, "command should be [run], was %s", compose.command(APP));
        }
    }

    private void requireInternal(final String service, final Map<String, String> env, final String key,
                                 final List<Endpoint> internalBroker) {
        final Set<String> allowed = internalBroker.stream().map(Endpoint::hostPort).collect(Collectors.toSet());
        final List<Endpoint> servers = endpoints(service, env, key);
        if (servers.isEmpty()) {
            problem(service, "%s is not set", key);
        }
        servers.stream().filter(server -> !allowed.contains(server.hostPort())).forEach(server ->
                problem(service, "%s names %s, which is not an internal kafka listener %s", key, server.hostPort(),
                        allowed));
    }

    private List<Endpoint> endpoints(final String service, final Map<String, String> env, final String key) {
        final List<Endpoint> result = new ArrayList<>();
        for (final String entry : env.getOrDefault(key, "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            Endpoint.parse(entry).ifPresentOrElse(result::add,
                    () -> problem(service, "%s entry '%s' is not [SCHEME://]host:port", key, entry));
        }
        return result;
    }

    private static Map<String, Endpoint> byName(final List<Endpoint> endpoints) {
        final Map<String, Endpoint> result = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> result.put(endpoint.scheme(), endpoint));
        return result;
    }

    private void problem(final String service, final String format, final Object... args) {
        problems.add(String.format(Locale.ROOT, "service '%s': ", service) + String.format(Locale.ROOT, format, args));
    }
}
