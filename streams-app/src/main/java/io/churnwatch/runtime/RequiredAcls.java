package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs {@code churnwatch run} needs on a cluster with an authorizer, for one principal: only what churnwatch and
 * Kafka Streams use, so that a shared production cluster can give churnwatch these and nothing else (the README's ACL
 * table is generated from here, and {@code SecureClusterIT} runs the pipeline with exactly these).
 *
 * <ul>
 *   <li>input topics: READ (consume), DESCRIBE and DESCRIBE_CONFIGS (start-up checks of partitions and retention);</li>
 *   <li>output topics (health, alerts, dead letters): WRITE, DESCRIBE, DESCRIBE_CONFIGS, and READ for the lag of
 *   watched sink groups, which counts the records a read_committed reader would still get;</li>
 *   <li>topics prefixed {@code <application.id>-} (Kafka Streams' changelogs and repartition topics): CREATE, READ,
 *   WRITE, DELETE (repartition records are purged), DESCRIBE, DESCRIBE_CONFIGS;</li>
 *   <li>the consumer group {@code <application.id>}: READ, DESCRIBE (the lag gauges), and DESCRIBE on each
 *   {@code lag.watch.groups} group;</li>
 *   <li>transactional ids prefixed {@code <application.id>-} (exactly-once producers): WRITE, DESCRIBE.</li>
 * </ul>
 * Topic creation by {@code churnwatch topics create} (or by {@code run} without {@code --no-create-topics}) needs
 * CREATE on the input and output topics too, unless an operator creates them.
 */
public final class RequiredAcls {

    static final Set<AclOperation> INPUT = Set.of(AclOperation.READ, AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);
    static final Set<AclOperation> OUTPUT = Set.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);
    static final Set<AclOperation> INTERNAL = Set.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE,
            AclOperation.DELETE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
    static final Set<AclOperation> GROUP = Set.of(AclOperation.READ, AclOperation.DESCRIBE);
    static final Set<AclOperation> TRANSACTIONAL_ID = Set.of(AclOperation.WRITE, AclOperation.DESCRIBE);

    private RequiredAcls() {
    }

    /** Every ACL {@code principal} (e.g. {@code User:churnwatch}) needs to run {@code config}, in a stable order. */
    public static List<AclBinding> of(final ChurnConfig config, final String principal) {
        final List<AclBinding> acls = new ArrayList<>();
        final String prefix = config.applicationId() + "-";
        for (final String topic : inputTopics(config)) {
            allow(acls, principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), INPUT);
        }
        for (final String topic : outputTopics(config)) {
            allow(acls, principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), OUTPUT);
        }
        allow(acls, principal, new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), INTERNAL);
        allow(acls, principal, new ResourcePattern(ResourceType.GROUP, config.applicationId(), PatternType.LITERAL),
                GROUP);
        for (final String group : config.getList(ChurnConfig.LAG_WATCH_GROUPS)) {
            allow(acls, principal, new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL),
                    Set.of(AclOperation.DESCRIBE));
        }
        allow(acls, principal, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED),
                TRANSACTIONAL_ID);
        return acls;
    }

    /** CREATE on the input and output topics, for a principal that also creates them ({@code topics create}). */
    public static List<AclBinding> topicCreation(final ChurnConfig config, final String principal) {
        final List<AclBinding> acls = new ArrayList<>();
        for (final String topic : concat(inputTopics(config), outputTopics(config))) {
            allow(acls, principal, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    Set.of(AclOperation.CREATE));
        }
        return acls;
    }

    private static List<String> concat(final List<String> first, final List<String> second) {
        final List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The input topics, in the order of the configuration's documentation. */
    public static List<String> inputTopics(final ChurnConfig config) {
        return List.of(config.getString(ChurnConfig.TOPIC_USAGE), config.getString(ChurnConfig.TOPIC_TICKETS),
                config.getString(ChurnConfig.TOPIC_BILLING), config.getString(ChurnConfig.TOPIC_ACCOUNTS));
    }

    /** The output topics: health, alerts, dead letters. */
    public static List<String> outputTopics(final ChurnConfig config) {
        return List.of(config.getString(ChurnConfig.TOPIC_HEALTH), config.getString(ChurnConfig.TOPIC_ALERTS),
                config.getString(ChurnConfig.TOPIC_DLQ));
    }

    private static void allow(final List<AclBinding> acls, final String principal, final ResourcePattern resource,
                              final Set<AclOperation> operations) {
        operations.stream().sorted().forEach(operation -> acls.add(new AclBinding(resource,
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW))));
    }
}
