package io.churnwatch.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * The configuration of a broker+controller on 127.0.0.1 keeping its logs in {@code dir}; with a {@code superUser},
     * clients must log in with SCRAM-SHA-512 over SASL_PLAINTEXT and are authorized by ACLs.
     */
    static KafkaConfig config(final Path dir, final int brokerPort, final int controllerPort,
                              final Map<String, String> overrides, final ScramLogin superUser) {
        final Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        final String clients = superUser == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        props.put("listeners", clients + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER
                + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", clients + "://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", clients + ":" + clients + "," + CONTROLLER_LISTENER + ":" + clients);
        props.put("inter.broker.listener.name", clients);
        if (superUser != null) {
            secure(props, superUser);
        }
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

    /**
     * SCRAM-SHA-512 for clients and for the broker's own connections, the super user's credential written into the
     * metadata when the directory is formatted ({@link #formatIfNew}); PLAIN with a static user on the controller
     * listener, since a controller cannot check SCRAM before it has read the metadata; the StandardAuthorizer, which
     * denies whatever no ACL allows, except to the super user.
     */
    private static void secure(final Properties props, final ScramLogin superUser) {
        props.put("sasl.enabled.mechanisms", ScramLogin.MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", ScramLogin.MECHANISM);
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                superUser.jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ""));
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name.controller.plain.sasl.jaas.config",
                superUser.jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                        " user_" + superUser.user() + "=\"" + superUser.password() + "\""));
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + superUser.user());
    }

    /**
     * Formats {@code dir} for a new single-node cluster, with the SCRAM credential of {@code superUser} if there is
     * one; a directory formatted before is left as it is.
     */
    static void formatIfNew(final KafkaConfig config, final Path dir, final ScramLogin superUser) {
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
        if (superUser != null) {
            formatter.setScramArguments(List.of(ScramLogin.MECHANISM + "=[name=" + superUser.user() + ",password="
                    + superUser.password() + "]"));
        }
        try {
            formatter.run();
        } catch (final Exception e) {
            throw new KafkaException("Could not format Kafka log directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
