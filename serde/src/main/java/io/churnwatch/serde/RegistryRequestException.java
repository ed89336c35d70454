package io.churnwatch.serde;

import java.util.Locale;

/**
 * The schema registry answered a request with an error, e.g. HTTP 409 when it rejects a schema as
 * incompatible or HTTP 422 for an invalid one.
 *
 * <p>Carries the HTTP status, the registry's {@code error_code} (Confluent's five-digit codes such as 40403;
 * Apicurio's Confluent-compatible API always sends 0) and the registry's own message.
 */
public class RegistryRequestException extends RegistrySerdeException {

    public static final String REASON = "registry-error";

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    /**
     * @param context what was asked, e.g. {@code POST /subjects/orders-value/versions at http://host:8081}
     * @param status the HTTP status of the answer
     * @param errorCode the {@code error_code} of the answer's body, 0 when absent
     * @param registryMessage the {@code message} of the answer's body
     */
    public RegistryRequestException(final String context, final int status, final int errorCode,
                                    final String registryMessage) {
        super(String.format(Locale.ROOT, "%s: HTTP %d, error code %d: %s", context, status, errorCode,
                registryMessage));
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public String registryMessage() {
        return registryMessage;
    }

    @Override
    public String reason() {
        return REASON;
    }
}
