package io.churnwatch.runtime;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * One line saying why a stream thread failed, for the error a user reads: a refused ACL names the resource and the
 * operations churnwatch needs on it ({@link RequiredAcls}), anything else is its innermost message.
 */
final class FailureCause {

    private FailureCause() {
    }

    static String describe(final Throwable failure, final String applicationId) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransactionalIdAuthorizationException) {
                return "the Kafka principal may not use the transactional ids prefixed '" + applicationId
                        + "-' (exactly-once needs WRITE and DESCRIBE on them)";
            }
            if (t instanceof GroupAuthorizationException group) {
                return "the Kafka principal may not use the consumer group '"
                        + (group.groupId() == null ? applicationId : group.groupId()) + "' (it needs READ and DESCRIBE)";
            }
            if (t instanceof TopicAuthorizationException topics) {
                return "the Kafka principal was refused on topics " + topics.unauthorizedTopics() + " ("
                        + topics.getMessage() + ")";
            }
            if (t instanceof AuthorizationException refused) {
                return "the Kafka principal was refused: " + refused.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
