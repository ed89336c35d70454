package io.churnwatch.serde;

/**
 * The schema registry could not be reached, or kept answering a transient server error, at any of its URLs
 * after the configured retries. The message names the URLs (without credentials) and the last failure.
 */
public final class RegistryUnavailableException extends RegistrySerdeException {

    public static final String REASON = "registry-unavailable";

    public RegistryUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
