package io.churnwatch.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * A schema registry in memory, answering like Confluent's: registry-wide ids from 1 (the same schema text gets
 * the same id in every subject), numbered versions per subject, and Confluent's default BACKWARD rule (a new
 * version must read data written with the latest one), with Confluent's error codes.
 *
 * <p>For unit tests, {@code TopologyTestDriver} tests and benchmarks; the URL {@code mock://<scope>} in
 * {@code schema.registry.url} selects the shared instance of that scope ({@link #forScope}). Thread-safe.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();
    private static final int NOT_FOUND = 404;

    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private int nextId = 1;

    /** The instance shared by every serde configured with {@code schema.registry.url=mock://<scope>}. */
    public static InMemorySchemaRegistryClient forScope(final String scope) {
        return SCOPES.computeIfAbsent(scope, key -> new InMemorySchemaRegistryClient());
    }

    /** Forgets the instance of a scope, so the next {@link #forScope} starts empty. */
    public static void dropScope(final String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(final String subject, final Schema schema) {
        final String text = schema.toString();
        final List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        final Integer known = idsByText.get(text);
        if (known != null && versions.contains(known)) {
            return known;
        }
        if (!versions.isEmpty()) {
            final Schema latest = schemasById.get(versions.get(versions.size() - 1));
            final SchemaPairCompatibility verdict = backward(schema, latest);
            if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new RegistryRequestException("Register schema under subject " + subject, 409, 409,
                        "Schema being registered is incompatible with an earlier schema: " + verdict.getDescription());
            }
        }
        final int id = known != null ? known : nextId++;
        idsByText.put(text, id);
        schemasById.put(id, schema);
        versionsBySubject.computeIfAbsent(subject, key -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(final String subject, final Schema schema) {
        final List<Integer> versions = versions(subject, "Look up schema under subject " + subject);
        final int index = versions.indexOf(idsByText.get(schema.toString()));
        if (index < 0) {
            throw new SchemaNotRegisteredException(subject, "Look up schema under subject " + subject, NOT_FOUND,
                    40403, "Schema not found");
        }
        return version(subject, versions, index);
    }

    @Override
    public synchronized Schema getSchemaById(final int id) {
        final Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaIdException(id, "Get schema id " + id, NOT_FOUND, 40403, "Schema not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatestSchema(final String subject) {
        final List<Integer> versions = versions(subject, "Get latest version of subject " + subject);
        return version(subject, versions, versions.size() - 1);
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(final String subject, final Schema schema) {
        final RegisteredSchema latest = getLatestSchema(subject);
        final SchemaPairCompatibility verdict = backward(schema, latest.schema());
        final boolean compatible = verdict.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        return new CompatibilityResult(compatible, compatible ? List.of() : List.of(verdict.getDescription()));
    }

    /** The subjects that have at least one version, for assertions in tests. */
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    private static SchemaPairCompatibility backward(final Schema candidate, final Schema latest) {
        return SchemaCompatibility.checkReaderWriterCompatibility(candidate, latest);
    }

    private List<Integer> versions(final String subject, final String context) {
        final List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaNotRegisteredException(subject, context, NOT_FOUND, 40401,
                    String.format(Locale.ROOT, "Subject '%s' not found.", subject));
        }
        return versions;
    }

    private RegisteredSchema version(final String subject, final List<Integer> versions, final int index) {
        final int id = versions.get(index);
        return new RegisteredSchema(subject, index + 1, id, schemasById.get(id));
    }
}
