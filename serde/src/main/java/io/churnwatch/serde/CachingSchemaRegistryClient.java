package io.churnwatch.serde;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches the answers that never change in front of another client: the id of a schema under a subject
 * (from {@link #register} or {@link #getId}) and the schema of an id, each id learnt one way also being
 * known the other way. After the first record of a schema no request reaches the registry.
 *
 * <p>Thread-safe; concurrent first requests for the same key reach the delegate once. Failures are not cached,
 * so a registry that was down is asked again. The latest version of a subject and compatibility verdicts can
 * change, so they are always forwarded.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(final SchemaRegistryClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@code client} itself when it already caches, a caching client in front of it otherwise. */
    public static SchemaRegistryClient wrap(final SchemaRegistryClient client) {
        return client instanceof CachingSchemaRegistryClient ? client : new CachingSchemaRegistryClient(client);
    }

    @Override
    public int register(final String subject, final Schema schema) {
        return ids.computeIfAbsent(new SubjectSchema(subject, schema),
                key -> remember(delegate.register(subject, schema), schema));
    }

    @Override
    public RegisteredSchema lookup(final String subject, final Schema schema) {
        final RegisteredSchema found = delegate.lookup(subject, schema);
        ids.putIfAbsent(new SubjectSchema(subject, schema), remember(found.id(), schema));
        return found;
    }

    @Override
    public int getId(final String subject, final Schema schema) {
        return ids.computeIfAbsent(new SubjectSchema(subject, schema),
                key -> remember(delegate.getId(subject, schema), schema));
    }

    @Override
    public Schema getSchemaById(final int id) {
        return schemas.computeIfAbsent(id, delegate::getSchemaById);
    }

    @Override
    public RegisteredSchema getLatestSchema(final String subject) {
        final RegisteredSchema latest = delegate.getLatestSchema(subject);
        remember(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public CompatibilityResult testCompatibility(final String subject, final Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }

    private int remember(final int id, final Schema schema) {
        schemas.putIfAbsent(id, schema);
        return id;
    }
}
