package io.churnwatch.runtime;

import io.churnwatch.serde.RegistrySerdeException;
import io.churnwatch.serde.RegistryUnavailableException;
import io.churnwatch.serde.SchemaNotRegisteredException;
import io.churnwatch.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Checks, before anything starts, that the Kafka cluster and the schema registry answer, so that a wrong
 * address or a refused login is one clear line at start-up rather than a client retrying silently forever.
 */
public final class Preflight {

    /** A subject nobody registers: looking it up proves the registry answers, without side effects. */
    private static final String PROBE_SUBJECT = "churnwatch-preflight-probe-value";

    private Preflight() {
    }

    /** @throws StartupException naming the bootstrap servers when the cluster does not answer in time */
    public static void kafka(final Properties clientProps, final Duration timeout) {
        final Properties props = new Properties();
        props.putAll(clientProps);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        final Object servers = props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new StartupException("the Kafka cluster at " + servers + " refused the login ("
                        + refused.getMessage() + "); check sasl.jaas.config, sasl.mechanism and security.protocol",
                        refused);
            }
            throw new ClusterUnreachableException("cannot reach the Kafka cluster at " + servers + " within "
                    + timeout.toSeconds() + " s (" + rootMessage(e) + ")", e);
        } catch (final TimeoutException e) {
            throw new ClusterUnreachableException("cannot reach the Kafka cluster at " + servers + " within "
                    + timeout.toSeconds() + " s (" + rootMessage(e) + ")", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while connecting to " + servers, e);
        }
    }

    /** @throws StartupException when the registry cannot be reached (after the client's own bounded retries) */
    public static void registry(final SchemaRegistryClient client, final String url) {
        try {
            client.getLatestSchema(PROBE_SUBJECT);
        } catch (final SchemaNotRegisteredException expected) {
            // The registry answered: reachable, and the probe subject does not exist, as it should not.
            return;
        } catch (final RegistryUnavailableException e) {
            throw new StartupException("cannot reach the schema registry at " + url + " (" + e.getMessage() + ")", e);
        } catch (final RegistrySerdeException e) {
            throw new StartupException("the schema registry at " + url + " answered with an error: " + e.getMessage(),
                    e);
        }
    }

    private static String rootMessage(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
