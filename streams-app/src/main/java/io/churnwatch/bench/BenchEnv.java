package io.churnwatch.bench;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.runtime.KafkaOffsets;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.serde.RegistryRequestException;
import io.churnwatch.serde.SchemaRegistryClient;
import io.churnwatch.serde.TopicNameStrategy;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What every part of the benchmark shares: the configuration pointing at the embedded cluster and registry, one
 * registry client (ids cached, so serdes make no HTTP call per record), an admin client for topics and offsets,
 * and a working directory for state, deleted on close.
 */
final class BenchEnv implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    private static final int HTTP_CONFLICT = 409;
    private static final long POLL_MILLIS = 100;
    private static final List<String> TOPIC_KEYS = List.of(ChurnConfig.TOPIC_USAGE, ChurnConfig.TOPIC_TICKETS,
            ChurnConfig.TOPIC_BILLING, ChurnConfig.TOPIC_ACCOUNTS, ChurnConfig.TOPIC_HEALTH, ChurnConfig.TOPIC_ALERTS,
            ChurnConfig.TOPIC_DLQ);

    private final ChurnConfig config;
    private final SchemaRegistryClient registry;
    private final Admin admin;
    private final KafkaOffsets offsets;
    private final Path workDir;

    BenchEnv(final ChurnConfig config) {
        this.config = config;
        this.registry = Registries.client(config);
        final Properties client = StreamsSettings.clientProperties(config);
        this.admin = Admin.create(client);
        this.offsets = new KafkaOffsets(client, ADMIN_TIMEOUT);
        try {
            this.workDir = Files.createTempDirectory("churnwatch-bench");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChurnConfig config() {
        return config;
    }

    Properties clientProperties() {
        return StreamsSettings.clientProperties(config);
    }

    KafkaOffsets offsets() {
        return offsets;
    }

    /** The base configuration with {@code overrides}. */
    ChurnConfig derive(final Map<String, Object> overrides) {
        final Map<String, Object> settings = new HashMap<>(config.originals());
        settings.putAll(overrides);
        return new ChurnConfig(settings);
    }

    /** The base configuration with every topic name prefixed ({@code sweep-1000.product-usage}, ...). */
    ChurnConfig withTopicPrefix(final String prefix, final Map<String, Object> overrides) {
        final Map<String, Object> settings = new HashMap<>(overrides);
        TOPIC_KEYS.forEach(key -> settings.put(key, prefix + "." + config.getString(key)));
        return derive(settings);
    }

    /** The topics of {@code topicsConfig} with serdes on the shared registry client. */
    ChurnTopics topics(final ChurnConfig topicsConfig) {
        return ChurnTopics.of(topicsConfig, ChurnSerdes.on(registry));
    }

    /**
     * Registers the value schema of every contract topic of {@code topics} on the shared registry client, whose
     * cache the serdes of {@link #topics} then hit: registry calls stay out of the timed phases. The embedded registry
     * (Apicurio 2.4.2) has been seen to answer a first registration made while others run concurrently with 409
     * "artifact already exists"; a second attempt gets past it.
     */
    void registerSchemas(final ChurnTopics topics) {
        register(topics.usage().name(), UsageEvent.getClassSchema());
        register(topics.tickets().name(), SupportTicketEvent.getClassSchema());
        register(topics.billing().name(), BillingEvent.getClassSchema());
        register(topics.accounts().name(), AccountProfile.getClassSchema());
        register(topics.health().name(), HealthScoreUpdate.getClassSchema());
        register(topics.alerts().name(), ChurnRiskAlert.getClassSchema());
    }

    private void register(final String topic, final Schema schema) {
        final String subject = TopicNameStrategy.subject(topic, false);
        try {
            registry.register(subject, schema);
        } catch (final RegistryRequestException e) {
            if (e.status() != HTTP_CONFLICT) {
                throw e;
            }
            registry.register(subject, schema);
        }
    }

    /** A new empty directory under the working directory. */
    Path newDirectory(final String name) {
        try {
            return Files.createTempDirectory(workDir, name);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates those of {@code names} that do not exist yet, keeping their records for ever: the benchmark's event
     * times lie in a fixed past, and the broker's default retention (7 days) would delete them at its next check.
     */
    void createTopics(final Collection<String> names, final int partitions) {
        final Set<String> existing = await(admin.listTopics().names());
        await(admin.createTopics(names.stream().filter(name -> !existing.contains(name))
                .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))
                .toList()).all());
    }

    /** Deletes topics, ignoring those already gone. */
    void deleteTopics(final Collection<String> names) {
        try {
            await(admin.deleteTopics(names).all());
        } catch (final KafkaException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
    }

    /** Names of the topics that start with {@code prefix}. */
    List<String> topicsStartingWith(final String prefix) {
        return offsets.topicsStartingWith(prefix);
    }

    /**
     * Waits until {@code groupId} has committed the end offsets of {@code input} and {@code busy} is false.
     *
     * @param busy checked on every poll: true keeps waiting (a sweep that continues after its input)
     * @param failed checked on every poll: true stops the wait with an exception
     * @throws IllegalStateException when {@code failed} turns true or the timeout passes
     */
    void awaitCommitted(final String groupId, final InputSet input, final BooleanSupplier busy,
                        final BooleanSupplier failed, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!input.reachedBy(committed(groupId)) || busy.getAsBoolean()) {
            if (failed.getAsBoolean()) {
                throw new IllegalStateException(groupId + " failed before it consumed its input; see the log above");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(groupId + " did not consume its input within "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    Map<TopicPartition, Long> committed(final String groupId) {
        return offsets.committed(groupId);
    }

    /** The input as it is now: start and end offsets of every partition of {@code topics}. */
    InputSet input(final List<String> topics) {
        return new InputSet(topics, offsets.startOffsets(topics), offsets.endOffsets(topics));
    }

    /** Total size of the files under {@code dir}. */
    static long bytesUnder(final Path dir) {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(BenchEnv::size).sum();
            } catch (final IOException | UncheckedIOException e) {
                // RocksDB may delete a directory's files while we walk it (a compaction): walk again.
                if (attempt == 3) {
                    throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
                }
            }
        }
    }

    static void deleteRecursively(final Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(final Path file) {
        try {
            return Files.size(file);
        } catch (final IOException e) {
            // RocksDB deletes obsolete files while we walk: a vanished file holds no bytes.
            return 0;
        }
    }

    private static <T> T await(final KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            throw new KafkaException(e.getCause().getMessage(), e.getCause());
        } catch (final TimeoutException e) {
            throw new KafkaException("the embedded broker did not answer within " + ADMIN_TIMEOUT.toSeconds() + " s",
                    e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }

    @Override
    public void close() {
        offsets.close();
        admin.close(ADMIN_TIMEOUT);
        if (Files.exists(workDir)) {
            deleteRecursively(workDir);
        }
    }
}
