package io.churnwatch.runtime;

import io.churnwatch.config.ChurnConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Checks before start-up that churnwatch's principal may do on its input and output topics what
 * {@link RequiredAcls} says it must, using the operations the cluster reports as authorized for the caller
 * ({@code DescribeTopics} with authorized operations). A missing ACL is then one line naming the operation and the
 * topic, instead of a stream thread dying on its first write minutes later. Transactional ids and the group
 * cannot be checked this way; Kafka Streams names those when it is refused.
 */
public final class AccessCheck {

    private AccessCheck() {
    }

    /** @throws StartupException listing every missing operation per topic */
    public static void topics(final Properties clientProps, final ChurnConfig config, final Duration timeout) {
        final List<String> missing = new ArrayList<>();
        try (Admin admin = Admin.create(clientProps)) {
            check(admin, RequiredAcls.inputTopics(config), RequiredAcls.INPUT, timeout, missing);
            check(admin, RequiredAcls.outputTopics(config), RequiredAcls.OUTPUT, timeout, missing);
        }
        if (!missing.isEmpty()) {
            throw new StartupException("the Kafka principal lacks ACLs churnwatch needs: " + String.join("; ", missing)
                    + " ('churnwatch acls' lists all it needs)");
        }
    }

    private static void check(final Admin admin, final List<String> topics, final Set<AclOperation> needed,
                              final Duration timeout, final List<String> missing) {
        final Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics,
                new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
        for (final String topic : topics) {
            final Set<AclOperation> authorized = authorized(described.get(topic), timeout);
            if (authorized == null) {
                missing.add(operations(needed) + " on topic " + topic + " (not even DESCRIBE)");
                continue;
            }
            if (authorized.contains(AclOperation.ALL)) {
                continue;
            }
            final Set<AclOperation> lacking = new TreeSet<>(needed);
            lacking.removeAll(authorized);
            if (!lacking.isEmpty()) {
                missing.add(operations(lacking) + " on topic " + topic);
            }
        }
    }

    /** The operations authorized on the topic; null when even describing it was refused. */
    private static Set<AclOperation> authorized(final KafkaFuture<TopicDescription> description,
                                                final Duration timeout) {
        try {
            final Set<AclOperation> operations = description.get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .authorizedOperations();
            // A broker without an authorizer, or one too old to say, allows everything as far as we can tell.
            return operations == null ? Set.of(AclOperation.ALL) : operations;
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return null;
            }
            throw new StartupException("cannot check the ACLs of churnwatch's topics: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (final TimeoutException e) {
            throw new ClusterUnreachableException("no answer within " + timeout.toSeconds()
                    + " s while checking the ACLs of churnwatch's topics", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while checking ACLs", e);
        }
    }

    private static String operations(final Set<AclOperation> operations) {
        return String.join("+", new TreeSet<>(operations).stream().map(AclOperation::name).toList());
    }
}
