package io.churnwatch.deploy;

import static io.churnwatch.deploy.ComposeFixture.problemsAfter;
import static io.churnwatch.deploy.ComposeFixture.service;
import static io.churnwatch.deploy.ComposeValidator.APP;
import static io.churnwatch.deploy.ComposeValidator.GRAFANA;
import static io.churnwatch.deploy.ComposeValidator.KAFKA;
import static io.churnwatch.deploy.ComposeValidator.PROMETHEUS;
import static io.churnwatch.deploy.ComposeValidator.REGISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repository's docker-compose.yml passes the static checks, and each generic check (services, images,
 * ports, dependencies) rejects a copy of it altered to break that check. No Docker daemon is needed.
 */
class DockerComposeTest {

    @Test
    void shouldAcceptTheRepositoryComposeFileWhenValidated() {
        assertThat(ComposeFixture.problemsOfRealFile()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {KAFKA, REGISTRY, APP, PROMETHEUS, GRAFANA})
    void shouldRejectWhenARequiredServiceIsMissing(final String name) {
        final List<String> problems = problemsAfter(root -> ((ObjectNode) root.path("services")).remove(name));

        assertThat(problems).contains("service '" + name + "' is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"confluentinc/cp-schema-registry:latest", "confluentinc/cp-schema-registry",
            "localhost:5000/cp-schema-registry"})
    void shouldRejectWhenAnImageIsNotPinned(final String image) {
        final List<String> problems = problemsAfter(root -> service(root, REGISTRY).put("image", image));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'" + image + "' is not pinned"));
    }

    @Test
    void shouldRejectWhenTheBrokerIsNotTheKafkaVersionOfTheApp() {
        final List<String> problems = problemsAfter(root -> service(root, KAFKA).put("image", "apache/kafka:3.9.1"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'apache/kafka:3.9.1' should be tagged"));
    }

    @Test
    void shouldRejectWhenAServiceHasNeitherImageNorBuild() {
        final List<String> problems = problemsAfter(root -> service(root, APP).remove("build"));

        assertThat(problems).contains("service 'churnwatch' has neither an image nor a build");
    }

    @Test
    void shouldRejectWhenAHostPortIsPublishedTwice() {
        final List<String> problems = problemsAfter(root -> service(root, APP).putArray("ports").add("8081:8080"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("host port 8081 is already published"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080", "70000:8080", "8080:0", "metrics:8080", "8080-8081:8080"})
    void shouldRejectWhenAPortIsMalformed(final String port) {
        final List<String> problems = problemsAfter(root -> service(root, APP).putArray("ports").add(port));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("port '" + port + "' is not HOST:CONTAINER"));
    }

    @Test
    void shouldRejectWhenADependencyIsNotAService() {
        final List<String> problems = problemsAfter(root -> ((ObjectNode) service(root, APP).path("depends_on"))
                .putObject("zookeeper").put("condition", "service_started"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("depends on 'zookeeper'"));
    }

    @Test
    void shouldRejectWhenWaitingForTheHealthOfAServiceWithoutHealthcheck() {
        final List<String> problems = problemsAfter(root -> service(root, REGISTRY).remove("healthcheck"));

        assertThat(problems).contains(
                "service 'churnwatch' waits for 'schema-registry' to be healthy, which has no healthcheck");
    }
}
