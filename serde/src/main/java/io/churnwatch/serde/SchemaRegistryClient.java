package io.churnwatch.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serde needs. Implementations: {@link RestSchemaRegistryClient}
 * (HTTP), {@link CachingSchemaRegistryClient} (caches ids both ways in front of another client) and
 * {@link InMemorySchemaRegistryClient} (tests, benchmarks, {@code mock://} URLs).
 *
 * <p>Implementations are thread-safe. Failures are {@link RegistrySerdeException}s: {@link RegistryRequestException}
 * for an error answer (with {@link UnknownSchemaIdException} and {@link SchemaNotRegisteredException} for the
 * 404s of the lookups), {@link RegistryUnavailableException} when the registry cannot be reached.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (a no-op answering the same id when it is already there). */
    int register(String subject, Schema schema);

    /**
     * The version of {@code subject} that holds {@code schema}, without registering it.
     *
     * @throws SchemaNotRegisteredException when the subject does not hold the schema
     */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The id of {@code schema} under {@code subject}, without registering it; see {@link #lookup}. */
    default int getId(final String subject, final Schema schema) {
        return lookup(subject, schema).id();
    }

    /**
     * The schema with a registry-wide id.
     *
     * @throws UnknownSchemaIdException when the registry does not know the id
     */
    Schema getSchemaById(int id);

    /**
     * The latest version of {@code subject}.
     *
     * @throws SchemaNotRegisteredException when the subject has no version
     */
    RegisteredSchema getLatestSchema(String subject);

    /**
     * Whether the subject's compatibility rule accepts {@code schema} after its latest version.
     *
     * @throws SchemaNotRegisteredException when the subject has no version to compare with
     */
    CompatibilityResult testCompatibility(String subject, Schema schema);
}
