package io.churnwatch.runtime;

import io.churnwatch.embedded.ScramLogin;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What an operator does with {@code kafka-configs --alter --add-config SCRAM-SHA-512=...} and {@code kafka-acls --add},
 * through the Admin API: used by {@code dev-stack --secure} and the tests of a secure cluster. {@code adminProps}
 * are a super user's client settings.
 */
public final class AclAdmin implements AutoCloseable {

    private static final int SCRAM_ITERATIONS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public AclAdmin(final Properties adminProps) {
        this.admin = Admin.create(adminProps);
    }

    /** Creates or replaces the SCRAM-SHA-512 credential of {@code login}'s user. */
    public void upsertUser(final ScramLogin login) {
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(login.user(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), login.password()))).all(),
                "create user " + login.user());
    }

    /** Adds {@code acls} (existing ones are kept). */
    public void grant(final Collection<AclBinding> acls) {
        await(admin.createAcls(acls).all(), "create " + acls.size() + " ACLs");
    }

    private static void await(final KafkaFuture<Void> future, final String what) {
        try {
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            throw new KafkaException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (final TimeoutException e) {
            throw new KafkaException("cannot " + what + ": no answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted: " + what, e);
        }
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }
}
