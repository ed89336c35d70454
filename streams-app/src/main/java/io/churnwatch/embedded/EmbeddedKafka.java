package io.churnwatch.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka cluster (one KRaft broker and controller in one server) running inside this JVM.
 *
 * <p>It listens on 127.0.0.1 only, on free ports chosen at start, and keeps its logs in a temporary directory
 * (deleted on {@link #close()}) or in a given one (kept, and reused as it is on the next start, so data survives
 * a restart). Offsets and transaction-state topics have one replica, so transactional producers and
 * {@code exactly_once_v2} Kafka Streams applications run on it; consumer groups rebalance without the usual
 * initial delay. It is meant for the dev stack, the demo and integration tests, never for production data.
 *
 * <p>Usage: {@code try (EmbeddedKafka kafka = EmbeddedKafka.start()) { ... kafka.bootstrapServers() ... }}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";
    private static final int BIND_ATTEMPTS = 3;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean ownsLogDir;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(final KafkaRaftServer server, final Path logDir, final boolean ownsLogDir,
                          final String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker whose logs live in a new temporary directory, deleted on {@link #close()}. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    /** Starts a broker on {@code logDir} (created if missing, formatted if empty, kept on close). */
    public static EmbeddedKafka start(final Path logDir) {
        return builder().logDir(logDir).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The directory holding the metadata and topic logs. */
    public Path logDir() {
        return logDir;
    }

    /** Creates topics with the given number of partitions and one replica each, waiting until they exist. */
    public void createTopics(final int partitions, final String... names) {
        createTopics(Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList());
    }

    /** Creates the given topics, waiting until they exist; a topic that already exists is an error. */
    public void createTopics(final Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException e) {
            throw new KafkaException("Could not create topics " + topics + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (final TimeoutException e) {
            throw new KafkaException("Timed out creating topics " + topics, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topics", e);
        }
    }

    /** Shuts the broker down and deletes a temporary log directory; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        final long begin = System.nanoTime();
        stop(server);
        if (ownsLogDir) {
            deleteQuietly(logDir);
        }
        LOG.info("Embedded Kafka on {} stopped in {} ms", bootstrapServers, millisSince(begin));
    }

    private static EmbeddedKafka start(final Path givenLogDir, final Map<String, String> overrides) {
        final long begin = System.nanoTime();
        final Path dir = givenLogDir == null ? createTempDir() : createDir(givenLogDir);
        try {
            final EmbeddedKafka kafka = startWithRetries(dir, givenLogDir == null, overrides);
            LOG.info("Embedded Kafka started on {} in {} ms (logs in {})", kafka.bootstrapServers,
                    millisSince(begin), dir);
            return kafka;
        } catch (final RuntimeException e) {
            if (givenLogDir == null) {
                deleteQuietly(dir);
            }
            throw e;
        }
    }

    /** Free ports are found by binding port 0 and releasing it, so another process may take one first: retry. */
    private static EmbeddedKafka startWithRetries(final Path dir, final boolean ownsDir,
                                                  final Map<String, String> overrides) {
        for (int attempt = 1; ; attempt++) {
            final int brokerPort = FreePorts.find();
            final int controllerPort = FreePorts.find();
            final KafkaConfig config = KafkaConfig.fromProps(
                    serverProperties(dir, brokerPort, controllerPort, overrides), false);
            format(config, dir);
            final KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
                return new EmbeddedKafka(server, dir, ownsDir, "127.0.0.1:" + brokerPort);
            } catch (final RuntimeException e) {
                stop(server);
                if (attempt >= BIND_ATTEMPTS || !causedByBindException(e)) {
                    throw new KafkaException("Embedded Kafka failed to start: " + e.getMessage(), e);
                }
                LOG.warn("Embedded Kafka port taken ({}), retrying with other ports", e.getMessage());
            }
        }
    }

    private static Properties serverProperties(final Path dir, final int brokerPort, final int controllerPort,
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
        // The default 128 MiB compaction buffer is meant for a dedicated server, not a process shared with the app.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.putAll(overrides);
        return props;
    }

    /** Formats an empty log directory in-process; a directory formatted before is left as it is. */
    private static void format(final KafkaConfig config, final Path dir) {
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            return;
        }
        final Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false,
                        StandardCharsets.UTF_8))
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

    private static void stop(final KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static boolean causedByBindException(final Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("churnwatch-kafka-");
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not create a temporary Kafka log directory", e);
        }
    }

    private static Path createDir(final Path dir) {
        try {
            return Files.createDirectories(dir.toAbsolutePath());
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not create Kafka log directory " + dir, e);
        }
    }

    private static void deleteQuietly(final Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (final IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    private static long millisSince(final long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Options of a broker to start: log directory and extra broker settings. */
    public static final class Builder {
        private Path logDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Keep logs in {@code dir} (created if missing, kept on close) instead of a temporary directory. */
        public Builder logDir(final Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Sets one broker setting, e.g. {@code ("auto.create.topics.enable", "false")}. */
        public Builder brokerConfig(final String key, final String value) {
            if (RESERVED.contains(key.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(key + " is managed by EmbeddedKafka and cannot be set");
            }
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka start() {
            return EmbeddedKafka.start(logDir, Map.copyOf(overrides));
        }

        private static final List<String> RESERVED = List.of("process.roles", "node.id",
                "controller.quorum.voters", "listeners", "advertised.listeners", "controller.listener.names",
                "log.dirs", "metadata.log.dir");
    }
}
