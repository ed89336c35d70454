package io.churnwatch.signals;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The account's CHURN_RISK episode (alert grouping ACCOUNT): OPEN since {@code openedAt} with the highest
 * severity reported so far and every reason that held during it, or RESOLVED at {@code resolvedAt} and cooling
 * down. Also remembers when the account was last contacted (the event times of its last OPEN records), since
 * the contact budget spans episodes: a customer resolved and at risk again a week later is not called twice.
 */
final class RiskEpisode {

    private long openedAt;
    private Severity severity;
    private int revision;
    private long resolvedAt;
    /** Last evaluation time at which an opening reason held. */
    private long lastActiveAt;
    /** An update (a new reason, a higher severity) not sent yet because the contact budget was used up. */
    private boolean pending;
    private final EnumMap<ChurnSignal, Long> reasons;
    private long[] contacts;

    private RiskEpisode(final long openedAt, final Severity severity, final int revision, final long resolvedAt,
                        final long lastActiveAt, final boolean pending, final EnumMap<ChurnSignal, Long> reasons,
                        final long[] contacts) {
        this.openedAt = openedAt;
        this.severity = severity;
        this.revision = revision;
        this.resolvedAt = resolvedAt;
        this.lastActiveAt = lastActiveAt;
        this.pending = pending;
        this.reasons = reasons;
        this.contacts = contacts;
    }

    /** No episode yet: only the contact history (empty) exists. */
    static RiskEpisode idle() {
        return new RiskEpisode(Days.NONE, Severity.LOW, 0, Days.NONE, Days.NONE, false,
                new EnumMap<>(ChurnSignal.class), new long[0]);
    }

    boolean everOpened() {
        return openedAt != Days.NONE;
    }

    boolean isOpen() {
        return everOpened() && resolvedAt == Days.NONE;
    }

    /** Starts a new episode at {@code at}; the contact history carries over. */
    void open(final long at, final Severity initial, final Map<ChurnSignal, Long> since) {
        openedAt = at;
        severity = initial;
        revision = 0;
        resolvedAt = Days.NONE;
        lastActiveAt = at;
        pending = false;
        reasons.clear();
        reasons.putAll(since);
    }

    /** Adds the reasons not seen yet in this episode; true when there was one. */
    boolean addReasons(final Map<ChurnSignal, Long> since) {
        boolean added = false;
        for (final Map.Entry<ChurnSignal, Long> e : since.entrySet()) {
            added |= reasons.putIfAbsent(e.getKey(), e.getValue()) == null;
        }
        return added;
    }

    void escalate(final Severity higher) {
        severity = higher;
    }

    void active(final long at) {
        lastActiveAt = at;
    }

    void pending(final boolean waiting) {
        pending = waiting;
    }

    /** The revision of the next record of this episode. */
    int nextRevision() {
        return ++revision;
    }

    void resolve(final long at) {
        resolvedAt = at;
        pending = false;
    }

    /** Remembers an OPEN record sent at {@code at}, keeping the last {@code budget} of them. */
    void contacted(final long at, final int budget) {
        final long[] kept = Arrays.copyOfRange(contacts, Math.max(0, contacts.length - budget + 1), contacts.length);
        contacts = Arrays.copyOf(kept, kept.length + 1);
        contacts[kept.length] = at;
    }

    /**
     * When the budget of {@code budget} contacts per {@code windowMillis} allows the next one: {@code at} or
     * earlier when it allows one now, else the time the oldest counted contact leaves the window.
     */
    long nextContactAllowed(final long at, final int budget, final long windowMillis) {
        int inWindow = 0;
        for (final long c : contacts) {
            if (c > at - windowMillis) {
                inWindow++;
            }
        }
        if (inWindow < budget) {
            return at;
        }
        return contacts[contacts.length - budget] + windowMillis;
    }

    long openedAt() {
        return openedAt;
    }

    Severity severity() {
        return severity;
    }

    int revision() {
        return revision;
    }

    long resolvedAt() {
        return resolvedAt;
    }

    long lastActiveAt() {
        return lastActiveAt;
    }

    boolean pending() {
        return pending;
    }

    /** The reasons of the episode with the time each started to hold, in signal order. */
    Map<ChurnSignal, Long> reasons() {
        return reasons;
    }

    void write(final StateWriter out) {
        Days.writeTime(out, openedAt);
        out.writeString(severity.name());
        out.writeInt(revision);
        Days.writeTime(out, resolvedAt);
        Days.writeTime(out, lastActiveAt);
        out.writeBoolean(pending);
        out.writeInt(reasons.size());
        for (final Map.Entry<ChurnSignal, Long> e : reasons.entrySet()) {
            out.writeString(e.getKey().name());
            out.writeLong(e.getValue());
        }
        out.writeInt(contacts.length);
        for (final long c : contacts) {
            out.writeLong(c);
        }
    }

    static RiskEpisode read(final StateReader in) throws IOException {
        final long openedAt = Days.readTime(in);
        final Severity severity = Severities.parse(in.readString());
        final int revision = in.readInt();
        final long resolvedAt = Days.readTime(in);
        final long lastActiveAt = Days.readTime(in);
        final boolean pending = in.readBoolean();
        final int n = in.readInt();
        if (n < 0 || n > ChurnSignal.values().length) {
            throw new IOException("reason count out of range: " + n);
        }
        final EnumMap<ChurnSignal, Long> reasons = new EnumMap<>(ChurnSignal.class);
        for (int i = 0; i < n; i++) {
            reasons.put(ChurnSignal.valueOf(in.readString()), in.readLong());
        }
        final int m = in.readInt();
        if (m < 0 || m > 100) {
            throw new IOException("contact count out of range: " + m);
        }
        final long[] contacts = new long[m];
        for (int i = 0; i < m; i++) {
            contacts[i] = in.readLong();
        }
        return new RiskEpisode(openedAt, severity, revision, resolvedAt, lastActiveAt, pending, reasons, contacts);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof RiskEpisode r && r.openedAt == openedAt && r.severity == severity
                && r.revision == revision && r.resolvedAt == resolvedAt && r.lastActiveAt == lastActiveAt
                && r.pending == pending && r.reasons.equals(reasons) && Arrays.equals(r.contacts, contacts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(openedAt, severity, revision, resolvedAt, reasons);
    }
}
