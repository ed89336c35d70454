package io.churnwatch.deploy;

import static io.churnwatch.deploy.ComposeFixture.environment;
import static io.churnwatch.deploy.ComposeFixture.problemsAfter;
import static io.churnwatch.deploy.ComposeFixture.service;
import static io.churnwatch.deploy.ComposeValidator.APP;
import static io.churnwatch.deploy.ComposeValidator.KAFKA;
import static io.churnwatch.deploy.ComposeValidator.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each wiring check of the compose file (KRaft broker, registry, app) rejects a copy of the repository's file
 * altered to break it; the app may still pass Kafka client settings through.
 */
class StackWiringTest {

    @Test
    void shouldMapEnvironmentVariablesToConfigKeysLikeTheCli() {
        assertThat(StackWiring.configKey("CHURNWATCH_SCHEMA_REGISTRY_URL")).isEqualTo("schema.registry.url");
    }

    @Test
    void shouldRejectWhenTheClusterIdIsNotAKafkaUuid() {
        final List<String> problems = problemsAfter(root -> environment(root, KAFKA).put("CLUSTER_ID", "churnwatch"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'churnwatch' is not a Kafka cluster id"));
    }

    @Test
    void shouldRejectWhenTheNodeIsNotAlsoTheController() {
        final List<String> problems = problemsAfter(root ->
                environment(root, KAFKA).put("KAFKA_PROCESS_ROLES", "broker"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("KAFKA_PROCESS_ROLES must be broker,controller"));
    }

    @Test
    void shouldRejectWhenTheVotersNameAPortOtherThanTheControllerListener() {
        final List<String> problems = problemsAfter(root ->
                environment(root, KAFKA).put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9092"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("KAFKA_CONTROLLER_QUORUM_VOTERS '1@kafka:9092'"));
    }

    @Test
    void shouldRejectWhenAListenerHasNoSecurityProtocol() {
        final List<String> problems = problemsAfter(root -> environment(root, KAFKA)
                .put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("listener PLAINTEXT_HOST has no entry"));
    }

    @Test
    void shouldRejectWhenTheHostListenerIsNotPublishedOnItsPort() {
        final List<String> problems = problemsAfter(root -> service(root, KAFKA).putArray("ports").add("39092:29092"));

        assertThat(problems).anySatisfy(p ->
                assertThat(p).contains("advertised listener PLAINTEXT_HOST://localhost:29092 is neither internal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR"})
    void shouldRejectWhenAnInternalTopicNeedsMoreThanOneReplica(final String key) {
        final List<String> problems = problemsAfter(root -> environment(root, KAFKA).put(key, "3"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(key + " is 3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"})
    void shouldRejectWhenASingleReplicaSettingIsLeftToItsDefault(final String key) {
        final List<String> problems = problemsAfter(root -> environment(root, KAFKA).remove(key));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(key + " is not set"));
    }

    @Test
    void shouldRejectWhenTheRegistryStoresSchemasThroughTheHostListener() {
        final List<String> problems = problemsAfter(root -> environment(root, REGISTRY)
                .put("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://localhost:29092"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains(
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS names localhost:29092, which is not an internal"));
    }

    @Test
    void shouldRejectWhenTheAppSetsAKeyThatIsNotDeclared() {
        final List<String> problems = problemsAfter(root ->
                environment(root, APP).put("CHURNWATCH_SCHEMA_REGISTRY_URI", "http://schema-registry:8081"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sets 'schema.registry.uri'"));
    }

    @ParameterizedTest
    @CsvSource({"CHURNWATCH_SECURITY_PROTOCOL, PLAINTEXT", "CHURNWATCH_PRODUCER_LINGER_MS, 5"})
    void shouldAcceptWhenTheAppPassesAKafkaClientSettingThrough(final String name, final String value) {
        final List<String> problems = problemsAfter(root -> environment(root, APP).put(name, value));

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRejectWhenTheAppBootstrapsFromTheHostListener() {
        final List<String> problems = problemsAfter(root ->
                environment(root, APP).put("CHURNWATCH_BOOTSTRAP_SERVERS", "localhost:29092"));

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("CHURNWATCH_BOOTSTRAP_SERVERS names localhost:29092, which is not an internal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://schema-registry:8080", "http://registry:8081", "schema-registry:8081"})
    void shouldRejectWhenTheAppRegistryUrlMissesTheRegistry(final String url) {
        final List<String> problems = problemsAfter(root ->
                environment(root, APP).put("CHURNWATCH_SCHEMA_REGISTRY_URL", url));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("SCHEMA_REGISTRY_URL '" + url + "'"));
    }

    @Test
    void shouldRejectWhenTheStateDirIsNotOnAVolume() {
        final List<String> problems = problemsAfter(root ->
                environment(root, APP).put("CHURNWATCH_STATE_DIR", "/tmp/churnwatch-state"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'/tmp/churnwatch-state' is not a mounted volume"));
    }

    @Test
    void shouldRejectWhenTheAppDoesNotWaitForTheRegistry() {
        final List<String> problems = problemsAfter(root ->
                ((ObjectNode) service(root, APP).path("depends_on")).remove(REGISTRY));

        assertThat(problems).contains("service 'churnwatch': does not wait for 'schema-registry' to be healthy");
    }

    @Test
    void shouldRejectWhenTheAppCommandIsNotRun() {
        final List<String> problems = problemsAfter(root -> service(root, APP).putArray("command").add("import"));

        assertThat(problems).contains("service 'churnwatch': command should be [run], was [import]");
    }
}
