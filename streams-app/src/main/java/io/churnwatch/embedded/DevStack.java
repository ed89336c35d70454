package io.churnwatch.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded default: a single-node KRaft broker and a schema registry speaking the Confluent REST API,
 * both on 127.0.0.1 with free ports. Used by {@code churnwatch dev-stack}, the demo and the integration
 * tests. The two start concurrently; closing stops both.
 */
public final class DevStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private DevStack(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * Starts the broker and the registry.
     *
     * @throws IllegalStateException when either cannot start; whatever did start is stopped again
     */
    public static DevStack start() {
        return start(null);
    }

    /**
     * Starts the broker, secure with {@code superUser} as its super user (SASL_PLAINTEXT, SCRAM-SHA-512, ACLs) unless
     * it is null, and the registry.
     *
     * @throws IllegalStateException when either cannot start; whatever did start is stopped again
     */
    public static DevStack start(final ScramLogin superUser) {
        final CompletableFuture<EmbeddedRegistry> registry = CompletableFuture.supplyAsync(EmbeddedRegistry::start);
        final EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.builder().superUser(superUser).start();
        } catch (final RuntimeException e) {
            registry.thenAccept(EmbeddedRegistry::close);
            throw e;
        }
        try {
            return new DevStack(kafka, registry.join());
        } catch (final CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedRegistry registry() {
        return registry;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
