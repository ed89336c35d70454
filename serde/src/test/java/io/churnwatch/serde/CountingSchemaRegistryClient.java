package io.churnwatch.serde;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** A client that counts the calls reaching another client, to prove what the caches save. */
final class CountingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger schemaFetches = new AtomicInteger();
    private final AtomicInteger latestFetches = new AtomicInteger();

    CountingSchemaRegistryClient(final SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    int registrations() {
        return registrations.get();
    }

    int lookups() {
        return lookups.get();
    }

    int schemaFetches() {
        return schemaFetches.get();
    }

    int latestFetches() {
        return latestFetches.get();
    }

    @Override
    public int register(final String subject, final Schema schema) {
        registrations.incrementAndGet();
        return delegate.register(subject, schema);
    }

    @Override
    public RegisteredSchema lookup(final String subject, final Schema schema) {
        lookups.incrementAndGet();
        return delegate.lookup(subject, schema);
    }

    @Override
    public Schema getSchemaById(final int id) {
        schemaFetches.incrementAndGet();
        return delegate.getSchemaById(id);
    }

    @Override
    public RegisteredSchema getLatestSchema(final String subject) {
        latestFetches.incrementAndGet();
        return delegate.getLatestSchema(subject);
    }

    @Override
    public CompatibilityResult testCompatibility(final String subject, final Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }
}
