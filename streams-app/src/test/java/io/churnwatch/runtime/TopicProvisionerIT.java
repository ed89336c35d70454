package io.churnwatch.runtime;

import io.churnwatch.config.TopicsConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.runtime.TopicStatus.State;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class TopicProvisionerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedKafka kafka;
    private final String prefix = "prov-" + UUID.randomUUID() + "-";
    private final Admin admin;

    TopicProvisionerIT(final EmbeddedKafka kafka) {
        this.kafka = kafka;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    private ChurnConfig config(final Map<String, String> extra) {
        final Map<String, String> values = new HashMap<>(Map.of(ChurnConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                ChurnConfig.TOPIC_USAGE, name("usage"), ChurnConfig.TOPIC_TICKETS, name("tickets"),
                ChurnConfig.TOPIC_BILLING, name("billing"), ChurnConfig.TOPIC_ACCOUNTS, name("accounts"),
                ChurnConfig.TOPIC_HEALTH, name("health"), ChurnConfig.TOPIC_ALERTS, name("alerts"),
                ChurnConfig.TOPIC_DLQ, name("dlq"), TopicsConfig.PARTITIONS, "3"));
        values.putAll(extra);
        return new ChurnConfig(values);
    }

    private String name(final String topic) {
        return prefix + topic;
    }

    private TopicReport create(final ChurnConfig config) {
        try (TopicProvisioner provisioner = TopicProvisioner.create(config, TIMEOUT)) {
            return provisioner.create();
        }
    }

    private Config topicConfig(final String topic) throws ExecutionException, InterruptedException {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private int partitions(final String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private Set<String> topics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get();
    }

    /** Creates a topic as someone else would, and waits until the broker lists it. */
    private void precreate(final NewTopic topic) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(topic)).all().get();
        await().atMost(TIMEOUT).until(() -> topics().contains(topic.name()));
    }

    @Test
    void shouldCompactTableTopicsWhenCreatingMissingTopics() throws Exception {
        create(config(Map.of()));

        assertThat(topicConfig(name("accounts")).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(topicConfig(name("health")).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(topicConfig(name("alerts")).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
    }

    @Test
    void shouldSetConfiguredRetentionsWhenCreatingMissingTopics() throws Exception {
        create(config(Map.of(TopicsConfig.INPUT_RETENTION_MS, "-1",
                TopicsConfig.DLQ_RETENTION_MS, "86400000")));

        assertThat(topicConfig(name("usage")).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(topicConfig(name("billing")).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(topicConfig(name("dlq")).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("86400000");
    }

    @Test
    void shouldGiveEveryCreatedTopicTheConfiguredPartitionsWhenNoneExist() throws Exception {
        final TopicReport report = create(config(Map.of()));

        assertThat(report.topics()).extracting(TopicStatus::state).containsOnly(State.CREATED);
        for (final TopicStatus topic : report.topics()) {
            assertThat(partitions(topic.name())).isEqualTo(3);
        }
        assertThat(report.ok()).isTrue();
    }

    @Test
    void shouldLeaveExistingTopicUntouchedAndReportItsProblemsWhenCreating() throws Exception {
        precreate(new NewTopic(name("usage"), 2, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "1000")));

        final TopicReport report = create(config(Map.of()));

        assertThat(partitions(name("usage"))).isEqualTo(2);
        assertThat(topicConfig(name("usage")).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("1000");
        final TopicStatus usage = report.topics().get(0);
        assertThat(usage.state()).isEqualTo(State.EXISTS);
        assertThat(usage.problems()).hasSize(2).anyMatch(p -> p.startsWith("has 2 partitions, fewer than"))
                .anyMatch(p -> p.startsWith("retention.ms is 1000"));
    }

    @Test
    void shouldCreateMissingInputsWithTheExistingInputsPartitionsWhenSomeExist() throws Exception {
        precreate(new NewTopic(name("usage"), 2, (short) 1));

        create(config(Map.of()));

        assertThat(partitions(name("tickets"))).isEqualTo(2);
        assertThat(partitions(name("accounts"))).isEqualTo(2);
        assertThat(partitions(name("health"))).isEqualTo(3);
    }

    @Test
    void shouldCreateNothingAndReportWhenExistingInputsAreNotCoPartitioned() throws Exception {
        precreate(new NewTopic(name("usage"), 2, (short) 1));
        precreate(new NewTopic(name("billing"), 4, (short) 1));

        final TopicReport report = create(config(Map.of()));

        assertThat(report.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("input topics are not co-partitioned (" + name("usage") + " has 2, " + name("billing")
                        + " has 4 partitions)"));
        assertThat(topics()).doesNotContain(name("tickets"), name("accounts"), name("health"));
    }

    @Test
    void shouldReportMissingTopicsAndCreateNoneWhenChecking() throws Exception {
        final TopicReport report;
        try (TopicProvisioner provisioner = TopicProvisioner.create(config(Map.of()), TIMEOUT)) {
            report = provisioner.check();
        }

        assertThat(report.topics()).extracting(TopicStatus::state).containsOnly(State.MISSING);
        assertThat(report.ok()).isFalse();
        assertThat(topics()).noneMatch(topic -> topic.startsWith(prefix));
    }

    @Test
    void shouldReportHealthyTopicsWhenCheckingAfterCreate() {
        final ChurnConfig config = config(Map.of());
        create(config);

        final TopicReport report;
        try (TopicProvisioner provisioner = TopicProvisioner.create(config, TIMEOUT)) {
            report = provisioner.check();
        }

        assertThat(report.topics()).extracting(TopicStatus::state).containsOnly(State.EXISTS);
        assertThat(report.ok()).isTrue();
    }

    @Test
    void shouldThrowUnreachableNamingServersWhenClusterDoesNotAnswer() {
        final ChurnConfig config = new ChurnConfig(Map.of(ChurnConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1"));

        try (TopicProvisioner provisioner = TopicProvisioner.create(config, Duration.ofSeconds(1))) {
            assertThatThrownBy(provisioner::check).isInstanceOf(ClusterUnreachableException.class)
                    .hasMessageStartingWith("cannot reach Kafka at 127.0.0.1:1 within 1 s");
        }
    }
}
