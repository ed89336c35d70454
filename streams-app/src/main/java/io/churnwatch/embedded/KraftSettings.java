package io.churnwatch.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The server settings of {@link EmbeddedKafka}'s single KRaft node, and the in-process formatting of its log
 * directory (what {@code kafka-storage.sh format} does, without a second JVM or a call to {@code System.exit}).
 */
final class KraftSettings {

    /** Settings that tie the node to its ports and directory, so callers cannot override them. */
    static final Set<String> MANAGED = Set.of("process.roles", "node.id", "controller.quorum.voters",
            "listeners", "advertised.listeners", "controller.listener.names", "log.dirs", "metadata.log.dir");

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private KraftSettings() {
    }

    /** The configuration of a broker+controller on 127.0.0.1 keeping its logs in {@code dir}. */
    static KafkaConfig config(final Path dir, final int brokerPort, final int controllerPort,
                              final Map<String, String> overrides) {
        final Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER
                + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir.toString());
        props.put("metadata.log.dir", dir.toString());
        // One node: every internal topic has one replica; one partition each keeps first use fast.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Demos, tests and benchmarks load history stamped months ago: under the default 7-day retention the
        // broker's first retention check (30 s after start) would delete topics created without a retention.
        props.put("log.retention.ms", "-1");
        // The default 128 MiB compaction buffer is sized for a dedicated server, not a process shared with the app.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.putAll(overrides);
        return KafkaConfig.fromProps(props, false);
    }

    /** Formats {@code dir} for a new single-node cluster; a directory formatted before is left as it is. */
    static void formatIfNew(final KafkaConfig config, final Path dir) {
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            return;
        }
        final Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dir.toString());
        try {
            formatter.run();
        } catch (final Exception e) {
            throw new KafkaException("Could not format Kafka log directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
