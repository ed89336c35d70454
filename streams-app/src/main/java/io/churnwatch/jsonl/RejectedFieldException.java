package io.churnwatch.jsonl;

/**
 * Signals that a JSON property does not fit its field of the event contract; caught by {@link JsonlCodec} and
 * turned into a {@link ParseResult} rejection. Carries no stack trace: it reports bad data, not a bug.
 */
final class RejectedFieldException extends Exception {

    private static final long serialVersionUID = 1L;

    RejectedFieldException(final String reason) {
        super(reason, null, false, false);
    }
}
