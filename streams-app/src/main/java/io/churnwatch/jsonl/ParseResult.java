package io.churnwatch.jsonl;

import java.util.Objects;

/**
 * Outcome of parsing one JSONL line: either a value or a rejection with a one-line reason.
 *
 * <p>Bad data is a result, never an exception: a rejection keeps the 1-based line number, the reason and the
 * raw line, so a caller can report it or forward it to a dead-letter topic without losing the input.
 *
 * @param <T> type of the parsed value
 */
public final class ParseResult<T> {

    private final long lineNo;
    private final T value;
    private final String reason;
    private final String rawLine;

    private ParseResult(final long lineNo, final T value, final String reason, final String rawLine) {
        this.lineNo = lineNo;
        this.value = value;
        this.reason = reason;
        this.rawLine = rawLine;
    }

    /** A successfully parsed line. */
    public static <T> ParseResult<T> ok(final long lineNo, final T value) {
        return new ParseResult<>(lineNo, Objects.requireNonNull(value, "value"), null, null);
    }

    /** A rejected line; {@code reason} is flattened to a single line. */
    public static <T> ParseResult<T> rejected(final long lineNo, final String reason, final String rawLine) {
        final String oneLine = Objects.requireNonNull(reason, "reason").replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return new ParseResult<>(lineNo, null, oneLine, rawLine == null ? "" : rawLine);
    }

    public boolean isOk() {
        return value != null;
    }

    /** 1-based number of the line in its source. */
    public long lineNo() {
        return lineNo;
    }

    /**
     * The parsed value.
     *
     * @throws IllegalStateException if the line was rejected
     */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("line " + lineNo + " was rejected: " + reason);
        }
        return value;
    }

    /**
     * Why the line was rejected.
     *
     * @throws IllegalStateException if the line was parsed
     */
    public String reason() {
        if (reason == null) {
            throw new IllegalStateException("line " + lineNo + " was parsed");
        }
        return reason;
    }

    /**
     * The text of a rejected line, as read.
     *
     * @throws IllegalStateException if the line was parsed
     */
    public String rawLine() {
        if (rawLine == null) {
            throw new IllegalStateException("line " + lineNo + " was parsed");
        }
        return rawLine;
    }

    @Override
    public String toString() {
        return isOk() ? "ok line " + lineNo + ": " + value : "rejected line " + lineNo + ": " + reason;
    }
}
