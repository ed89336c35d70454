package io.churnwatch.connect.webhook;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The endpoint refused a record for good (a 4xx other than 408 and 429): what the task hands to the errant-record
 * reporter, so that the dead-letter record's {@code __connect.errors.exception.message} header carries the status
 * and the endpoint's answer.
 */
public final class WebhookRejectedException extends ConnectException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public WebhookRejectedException(final int status, final String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
