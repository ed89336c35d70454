package io.churnwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka cluster (one KRaft broker and controller in one server) running inside this JVM.
 *
 * <p>It listens on 127.0.0.1 only, on free ports chosen at start (or a given client port), and keeps its logs
 * in a temporary directory (deleted on {@link #close()}) or in a given one (kept, and reused as it is on the
 * next start, so data survives a restart). Offsets and transaction-state topics have one replica, so
 * transactional producers and {@code exactly_once_v2} Kafka Streams applications run on it; consumer groups
 * rebalance without the usual initial delay. It is meant for the dev stack, the demo and integration tests,
 * never for production data. {@link Builder#superUser} makes it a secure broker: SASL_PLAINTEXT with SCRAM-SHA-512
 * and ACLs, as a shared production cluster is run.
 *
 * <p>Usage: {@code try (EmbeddedKafka kafka = EmbeddedKafka.start()) { ... kafka.bootstrapServers() ... }}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int START_ATTEMPTS = 3;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean ownsLogDir;
    private final String bootstrapServers;
    private final ScramLogin superUser;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(final KafkaRaftServer server, final Path logDir, final boolean ownsLogDir,
                          final String bootstrapServers, final ScramLogin superUser) {
        this.server = server;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.bootstrapServers = bootstrapServers;
        this.superUser = superUser;
    }

    /** Starts a broker on free ports whose logs live in a new temporary directory, deleted on {@link #close()}. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    /** Starts a broker on free ports with its logs in {@code logDir} (created if missing, kept on close). */
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

    /**
     * Client settings with every right on this cluster: {@code bootstrap.servers}, and on a secure broker the super
     * user's SASL login.
     */
    public Properties adminProperties() {
        final Properties props = superUser == null ? new Properties() : superUser.clientProperties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
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
        try (Admin admin = Admin.create(adminProperties())) {
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

    private static EmbeddedKafka start(final Builder options) {
        final long begin = System.nanoTime();
        final boolean ownsDir = options.logDir == null;
        final Path dir = ownsDir ? createTempDir() : createDir(options.logDir);
        try {
            final EmbeddedKafka kafka = startWithRetries(dir, ownsDir, options);
            LOG.info("Embedded Kafka started on {} in {} ms (logs in {})", kafka.bootstrapServers,
                    millisSince(begin), dir);
            return kafka;
        } catch (final RuntimeException e) {
            if (ownsDir) {
                deleteQuietly(dir);
            }
            throw e;
        }
    }

    /** A port found free may be taken by another process before the broker binds it: try other ports then. */
    private static EmbeddedKafka startWithRetries(final Path dir, final boolean ownsDir, final Builder options) {
        if (options.brokerPort > 0 && !FreePorts.isFree(options.brokerPort)) {
            throw new KafkaException("Embedded Kafka cannot listen on 127.0.0.1:" + options.brokerPort
                    + ": the port is in use");
        }
        for (int attempt = 1; ; attempt++) {
            final int brokerPort = options.brokerPort > 0 ? options.brokerPort : FreePorts.find();
            final KafkaConfig config = KraftSettings.config(dir, brokerPort, FreePorts.find(), options.overrides,
                    options.superUser);
            KraftSettings.formatIfNew(config, dir, options.superUser);
            final KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
                return new EmbeddedKafka(server, dir, ownsDir, "127.0.0.1:" + brokerPort, options.superUser);
            } catch (final RuntimeException e) {
                stop(server);
                if (!causedByBindException(e) || attempt >= START_ATTEMPTS) {
                    throw new KafkaException("Embedded Kafka failed to start: " + e.getMessage(), e);
                }
                LOG.warn("Embedded Kafka could not bind a port ({}); retrying with other ports", e.getMessage());
            }
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

    /** Options of a broker to start: log directory, client port and extra broker settings. */
    public static final class Builder {
        private Path logDir;
        private int brokerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private ScramLogin superUser;

        private Builder() {
        }

        /** Keep logs in {@code dir} (created if missing, kept on close) instead of a temporary directory. */
        public Builder logDir(final Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Listen for clients on this port of 127.0.0.1 instead of a free one; start fails if it is taken. */
        public Builder brokerPort(final int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("broker port must be between 1 and 65535, got " + port);
            }
            this.brokerPort = port;
            return this;
        }

        /**
         * Clients must log in with SCRAM-SHA-512 over SASL_PLAINTEXT and are authorized by ACLs (StandardAuthorizer);
         * {@code user} is the super user, its credential stored when the log directory is formatted.
         */
        public Builder superUser(final ScramLogin user) {
            this.superUser = user;
            return this;
        }

        /** Sets one broker setting, e.g. {@code ("auto.create.topics.enable", "false")}. */
        public Builder brokerConfig(final String key, final String value) {
            if (KraftSettings.MANAGED.contains(key)) {
                throw new IllegalArgumentException(key + " is managed by EmbeddedKafka and cannot be set");
            }
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka start() {
            return EmbeddedKafka.start(this);
        }
    }
}
