package io.churnwatch.connect.billing;

/** A change of a billing table that cannot become a BillingEvent; {@link #reason()} is machine-friendly. */
final class UnmappableChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    UnmappableChangeException(final String reason, final String detail) {
        super(detail);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
