package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.runtime.TopicStatus.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics churnwatch needs ({@link TopicSpec#of}) when they are missing, and checks those that exist,
 * without ever changing an existing topic.
 *
 * <p>A new topic gets {@code topics.partitions} partitions, {@code topics.replication.factor} replicas (see
 * {@link io.churnwatch.config.TopicsConfig}) and its
 * cleanup policy and retention. Input topics are joined by account, so they must all have the same number of
 * partitions: when some exist with one count, missing inputs are created with that count; when existing inputs
 * disagree, nothing is created and the report carries the error. An existing topic with fewer partitions than
 * configured, another cleanup policy or a shorter retention is reported as a problem and left as it is (adding
 * partitions would move accounts to other partitions), and so is an input topic holding records older than its
 * retention, which the broker is about to delete ({@link RetentionGuard#expiring}). Every cluster call is bounded
 * by the timeout; when it passes, a {@link ClusterUnreachableException} names the bootstrap servers.
 */
public final class TopicProvisioner implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration VISIBILITY_POLL = Duration.ofMillis(50);

    private final Admin admin;
    private final List<TopicSpec> specs;
    private final String bootstrapServers;
    private final Duration timeout;

    TopicProvisioner(final Admin admin, final List<TopicSpec> specs, final String bootstrapServers,
                     final Duration timeout) {
        this.admin = admin;
        this.specs = List.copyOf(specs);
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** A provisioner of the configuration's topics on its cluster, each call bounded by {@code timeout}. */
    public static TopicProvisioner create(final ChurnConfig config, final Duration timeout) {
        final List<TopicSpec> specs = TopicSpec.of(config);
        final Map<String, Object> settings = ClientSettings.of(config);
        settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new TopicProvisioner(Admin.create(settings), specs, ClientSettings.bootstrapServers(config), timeout);
    }

    public List<TopicSpec> specs() {
        return specs;
    }

    /** The state of every topic; changes nothing. */
    public TopicReport check() {
        final Map<String, Existing> existing = describe();
        return report(existing, Set.of(), coPartitionError(existing));
    }

    /** Creates the missing topics (unless the existing inputs are not co-partitioned) and reports on all. */
    public TopicReport create() {
        final Map<String, Existing> existing = describe();
        final Optional<String> error = coPartitionError(existing);
        if (error.isPresent()) {
            return report(existing, Set.of(), error);
        }
        final int inputPartitions = specs.stream().filter(s -> s.input() && existing.containsKey(s.name()))
                .map(s -> existing.get(s.name()).partitions()).findFirst().orElse(-1);
        final List<NewTopic> missing = specs.stream().filter(s -> !existing.containsKey(s.name()))
                .map(s -> s.input() && inputPartitions > 0 ? s.withPartitions(inputPartitions) : s)
                .map(TopicSpec::toNewTopic).toList();
        if (missing.isEmpty()) {
            return report(existing, Set.of(), error);
        }
        final Set<String> created = createAll(missing);
        awaitVisible(missing.stream().map(NewTopic::name).toList());
        final Map<String, Existing> now = describe();
        return report(now, created, coPartitionError(now));
    }

    /** Those of {@code names} that do not exist on the cluster. */
    public List<String> missing(final Collection<String> names) {
        final Set<String> present = await(admin.listTopics().names(), "list topics");
        return names.stream().filter(name -> !present.contains(name)).toList();
    }

    /** Creates the topics; one that someone else created meanwhile counts as existing. Returns those created. */
    private Set<String> createAll(final List<NewTopic> topics) {
        final Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        final Set<String> created = new HashSet<>();
        for (final NewTopic topic : topics) {
            try {
                await(results.get(topic.name()), "create topic " + topic.name());
                created.add(topic.name());
            } catch (final KafkaException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /**
     * Waits until the brokers list the new topics: a created topic reaches the brokers' metadata a moment after
     * the controller confirms it, and a client started right after (an import) must find it.
     */
    private void awaitVisible(final List<String> names) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing(names).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw unreachable(new TimeoutException("created topics did not appear: " + names));
            }
            try {
                Thread.sleep(VISIBILITY_POLL.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for topics " + names, e);
            }
        }
    }

    @Override
    public void close() {
        // Every call has completed or timed out: nothing in flight is worth waiting for.
        admin.close(Duration.ZERO);
    }

    private Map<String, Existing> describe() {
        final List<String> names = specs.stream().map(TopicSpec::name).toList();
        final List<String> absent = missing(names);
        final List<String> present = names.stream().filter(name -> !absent.contains(name)).toList();
        final Map<String, Existing> existing = new LinkedHashMap<>();
        if (present.isEmpty()) {
            return existing;
        }
        final Map<String, TopicDescription> descriptions = await(admin.describeTopics(present).allTopicNames(),
                "describe topics");
        final List<ConfigResource> resources = present.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        final Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(),
                "describe topic configs");
        for (final ConfigResource resource : resources) {
            final Map<String, String> values = new LinkedHashMap<>();
            configs.get(resource).entries().stream().filter(e -> TopicChecks.CHECKED.contains(e.name()))
                    .forEach(e -> values.put(e.name(), e.value()));
            existing.put(resource.name(),
                    new Existing(descriptions.get(resource.name()).partitions().size(), values));
        }
        return existing;
    }

    private TopicReport report(final Map<String, Existing> existing, final Set<String> created,
                               final Optional<String> error) {
        final List<TopicStatus> statuses = new ArrayList<>();
        for (final TopicSpec spec : specs) {
            final Existing found = existing.get(spec.name());
            if (found == null) {
                statuses.add(new TopicStatus(spec, State.MISSING, 0, Map.of(), List.of()));
            } else if (created.contains(spec.name())) {
                statuses.add(new TopicStatus(spec, State.CREATED, found.partitions(), found.configs(), List.of()));
            } else {
                final List<String> problems = new ArrayList<>(TopicChecks.problems(spec, found.partitions(),
                        found.configs()));
                if (spec.input()) {
                    RetentionGuard.expiring(expiring(spec.name(), found.configs()), found.configs())
                            .ifPresent(problems::add);
                }
                statuses.add(new TopicStatus(spec, State.EXISTS, found.partitions(), found.configs(), problems));
            }
        }
        return new TopicReport(statuses, error);
    }

    /** Records of {@code topic} older than the retention by which the broker deletes them (0 if it keeps all). */
    private long expiring(final String topic, final Map<String, String> configs) {
        final OptionalLong retention = RetentionGuard.deletingRetention(configs);
        if (retention.isEmpty()) {
            return 0;
        }
        final Set<TopicPartition> partitions = await(admin.describeTopics(List.of(topic)).allTopicNames(),
                "describe topic " + topic).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        final long cutoff = System.currentTimeMillis() - retention.getAsLong();
        final Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
        final Map<TopicPartition, ListOffsetsResultInfo> atCutoff = offsets(partitions, OffsetSpec.forTimestamp(cutoff));
        final Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(partitions, OffsetSpec.latest());
        return partitions.stream().mapToLong(p -> RetentionGuard.olderThan(earliest.get(p).offset(),
                atCutoff.get(p).offset(), latest.get(p).offset())).sum();
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(final Set<TopicPartition> partitions,
                                                               final OffsetSpec spec) {
        return await(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all(),
                "list offsets");
    }

    private Optional<String> coPartitionError(final Map<String, Existing> existing) {
        final Map<String, Integer> inputs = new LinkedHashMap<>();
        specs.stream().filter(s -> s.input() && existing.containsKey(s.name()))
                .forEach(s -> inputs.put(s.name(), existing.get(s.name()).partitions()));
        if (inputs.values().stream().distinct().count() <= 1) {
            return Optional.empty();
        }
        return Optional.of("input topics are not co-partitioned (" + inputs.entrySet().stream()
                .map(e -> e.getKey() + " has " + e.getValue()).collect(Collectors.joining(", "))
                + " partitions): every input topic needs the same count, since accounts are joined across them by key");
    }

    private <T> T await(final KafkaFuture<T> future, final String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final TimeoutException e) {
            throw unreachable(e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(e.getCause());
            }
            throw new KafkaException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while trying to " + what, e);
        }
    }

    private ClusterUnreachableException unreachable(final Throwable cause) {
        return new ClusterUnreachableException(String.format(Locale.ROOT,
                "cannot reach Kafka at %s within %d s (check bootstrap.servers and the security settings)",
                bootstrapServers, timeout.toSeconds()), cause);
    }

    /** An existing topic's partition count and checked settings. */
    private record Existing(int partitions, Map<String, String> configs) {
    }
}
