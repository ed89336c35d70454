package io.churnwatch.http;

/** A request that cannot be answered as asked: the status and a one-line message for the JSON error body. */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProblem(final int status, final String message) {
        super(message);
        this.status = status;
    }

    static HttpProblem badRequest(final String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem notReady(final String message) {
        return new HttpProblem(503, message);
    }

    int status() {
        return status;
    }
}
