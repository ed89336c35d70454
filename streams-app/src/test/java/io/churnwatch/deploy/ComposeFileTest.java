package io.churnwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ComposeFile} reads both spellings Compose accepts for the fields the deploy checks look at. */
class ComposeFileTest {

    private static ComposeFile compose(final String yaml) throws Exception {
        final JsonNode tree = new YAMLMapper().readTree(yaml);
        return new ComposeFile(tree);
    }

    @Test
    void shouldReadTheEnvironmentWhenWrittenAsAList() throws Exception {
        final ComposeFile compose = compose("""
                services:
                  app:
                    environment:
                      - CHURNWATCH_STATE_DIR=/var/lib/churnwatch
                      - CHURNWATCH_SCHEMA_REGISTRY_URL=http://r:8081/?a=b
                """);

        assertThat(compose.environment("app")).isEqualTo(Map.of(
                "CHURNWATCH_STATE_DIR", "/var/lib/churnwatch",
                "CHURNWATCH_SCHEMA_REGISTRY_URL", "http://r:8081/?a=b"));
    }

    @Test
    void shouldReadDependenciesWhenWrittenAsAListAsStartedConditions() throws Exception {
        final ComposeFile compose = compose("""
                services:
                  app:
                    depends_on: [kafka]
                """);

        assertThat(compose.dependsOn("app")).isEqualTo(Map.of("kafka", "service_started"));
    }

    @Test
    void shouldReadPortsWhenWrittenInLongForm() throws Exception {
        final ComposeFile compose = compose("""
                services:
                  app:
                    ports:
                      - published: 18080
                        target: 8080
                """);

        assertThat(compose.ports("app")).containsExactly("18080:8080");
    }

    @Test
    void shouldReadVolumeTargetsWhenWrittenInLongForm() throws Exception {
        final ComposeFile compose = compose("""
                services:
                  app:
                    volumes:
                      - type: volume
                        source: state
                        target: /var/lib/churnwatch
                """);

        assertThat(compose.volumeTargets("app")).containsExactly("/var/lib/churnwatch");
    }

    @Test
    void shouldReadBindMountsWithoutModeAndSkipNamedVolumes() throws Exception {
        final ComposeFile compose = compose("""
                services:
                  prometheus:
                    volumes:
                      - ./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro
                      - prometheus-data:/prometheus
                      - type: bind
                        source: ./deploy/rules
                        target: /etc/prometheus/rules
                """);

        assertThat(compose.bindMounts("prometheus")).isEqualTo(Map.of(
                "/etc/prometheus/prometheus.yml", "./deploy/prometheus/prometheus.yml",
                "/etc/prometheus/rules", "./deploy/rules"));
    }
}
