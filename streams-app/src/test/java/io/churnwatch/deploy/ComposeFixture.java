package io.churnwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.config.ChurnConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The repository's docker-compose.yml, read once, and a way to validate an altered copy of it.
 *
 * <p>Each test alters one thing in a deep copy of the real tree, so a check proven to reject the alteration is
 * the same check that accepts the real file.
 */
final class ComposeFixture {

    private static final JsonNode REAL = read();
    private static final DeployFiles FILES = new DeployFiles(RepositoryFiles.root());
    private static final ComposeValidator VALIDATOR = new ComposeValidator(knownConfigKeys(), kafkaVersion(), FILES,
            ReadmeMetrics.names());

    private ComposeFixture() {
    }

    /**
     * Keys the app accepts: declared by ChurnConfig, or passed through to the Kafka clients, bare or behind a
     * Kafka Streams client prefix ({@code producer.linger.ms}).
     */
    static Set<String> knownConfigKeys() {
        final Set<String> clientKeys = new HashSet<>(StreamsConfig.configDef().names());
        clientKeys.addAll(ProducerConfig.configNames());
        clientKeys.addAll(ConsumerConfig.configNames());
        clientKeys.addAll(AdminClientConfig.configNames());
        final Set<String> keys = new HashSet<>(ChurnConfig.CONFIG_DEF.names());
        keys.addAll(clientKeys);
        for (final String prefix : List.of(StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
                StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
                StreamsConfig.ADMIN_CLIENT_PREFIX)) {
            clientKeys.forEach(key -> keys.add(prefix + key));
        }
        return keys;
    }

    static List<String> problemsOfRealFile() {
        return VALIDATOR.validate(new ComposeFile(REAL));
    }

    static List<String> problemsAfter(final Consumer<ObjectNode> change) {
        final ObjectNode copy = REAL.deepCopy();
        change.accept(copy);
        return VALIDATOR.validate(new ComposeFile(copy));
    }

    /** Problems of the real compose file when the repository file at {@code path} is changed first. */
    static List<String> problemsAfterFileChange(final String path, final Consumer<JsonNode> change) {
        final JsonNode copy = FILES.read(path).orElseThrow().deepCopy();
        change.accept(copy);
        return VALIDATOR.withFiles(FILES.with(path, copy)).validate(new ComposeFile(REAL));
    }

    static ObjectNode service(final ObjectNode root, final String name) {
        return (ObjectNode) root.path("services").path(name);
    }

    static ObjectNode environment(final ObjectNode root, final String name) {
        return (ObjectNode) service(root, name).path("environment");
    }

    private static JsonNode read() {
        try {
            return ComposeFile.readTree(RepositoryFiles.composeFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kafkaVersion() {
        try {
            return RepositoryFiles.kafkaVersion();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
