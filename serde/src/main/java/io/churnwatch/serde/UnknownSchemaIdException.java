package io.churnwatch.serde;

/** The registry does not know the schema id found in a record's header (HTTP 404 on {@code /schemas/ids/{id}}). */
public final class UnknownSchemaIdException extends RegistryRequestException {

    public static final String REASON = "unknown-schema-id";

    private final int schemaId;

    public UnknownSchemaIdException(final int schemaId, final String context, final int status,
                                    final int errorCode, final String registryMessage) {
        super(context, status, errorCode, registryMessage);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }

    @Override
    public String reason() {
        return REASON;
    }
}
