package io.churnwatch.serde;

/**
 * Two schemas that Avro schema resolution cannot reconcile: data written with the writer schema cannot be
 * read with the reader schema (a different record, a removed field without default, a changed type), or a
 * schema from the registry that is not Avro at all.
 */
public final class SchemaResolutionException extends RegistrySerdeException {

    public static final String REASON = "incompatible-schema";

    public SchemaResolutionException(final String message) {
        super(message);
    }

    public SchemaResolutionException(final String message, final Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
