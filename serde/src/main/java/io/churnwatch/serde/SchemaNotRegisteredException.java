package io.churnwatch.serde;

/**
 * A subject has no version, or not the schema looked up (HTTP 404 on {@code /subjects/{subject}} and
 * {@code /subjects/{subject}/versions/latest}): with {@code auto.register.schemas=false} the schema must be
 * registered before records are produced.
 */
public final class SchemaNotRegisteredException extends RegistryRequestException {

    public static final String REASON = "schema-not-registered";

    private final String subject;

    public SchemaNotRegisteredException(final String subject, final String context, final int status,
                                        final int errorCode, final String registryMessage) {
        super(context, status, errorCode, registryMessage);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }

    @Override
    public String reason() {
        return REASON;
    }
}
