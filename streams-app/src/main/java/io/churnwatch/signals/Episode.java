package io.churnwatch.signals;

import java.io.IOException;
import java.util.Objects;

/**
 * One alert episode of an account for one signal: OPEN since {@code openedAt} with the highest severity reported
 * so far, or RESOLVED at {@code resolvedAt} and cooling down. An account without an episode for a signal is IDLE.
 */
final class Episode {

    private final long openedAt;
    private Severity severity;
    private long resolvedAt;
    /** Records emitted after the OPEN that started the episode: the revision of the last one. */
    private int revision;

    Episode(final long openedAt, final Severity severity, final long resolvedAt, final int revision) {
        this.openedAt = openedAt;
        this.severity = severity;
        this.resolvedAt = resolvedAt;
        this.revision = revision;
    }

    static Episode open(final long at, final Severity severity) {
        return new Episode(at, severity, Days.NONE, 0);
    }

    boolean isOpen() {
        return resolvedAt == Days.NONE;
    }

    long openedAt() {
        return openedAt;
    }

    long resolvedAt() {
        return resolvedAt;
    }

    Severity severity() {
        return severity;
    }

    int revision() {
        return revision;
    }

    void escalate(final Severity higher) {
        severity = higher;
        revision++;
    }

    void resolve(final long at) {
        resolvedAt = at;
        revision++;
    }

    /** The revision of a record that ends the episode without resolving it (CLOSED_CHURNED). */
    int closingRevision() {
        return revision + 1;
    }

    /** Deterministic alert id of this episode: the same account, signal and start always give the same id. */
    String alertId(final String accountId, final ChurnSignal signal) {
        return AlertIds.of(accountId, signal, openedAt);
    }

    void write(final StateWriter out) {
        out.writeLong(openedAt);
        out.writeString(severity.name());
        Days.writeTime(out, resolvedAt);
        out.writeInt(revision);
    }

    static Episode read(final StateReader in) throws IOException {
        final long openedAt = in.readLong();
        final Severity severity = Severities.parse(in.readString());
        final long resolvedAt = Days.readTime(in);
        return new Episode(openedAt, severity, resolvedAt, in.version() < 3 ? 0 : in.readInt());
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Episode e && e.openedAt == openedAt && e.severity == severity
                && e.resolvedAt == resolvedAt && e.revision == revision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(openedAt, severity, resolvedAt);
    }
}
