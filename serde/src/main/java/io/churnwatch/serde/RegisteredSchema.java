package io.churnwatch.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in the registry.
 *
 * @param subject the subject, e.g. {@code product-usage-value}
 * @param version the version number within the subject, from 1
 * @param id the registry-wide schema id written in record headers
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
