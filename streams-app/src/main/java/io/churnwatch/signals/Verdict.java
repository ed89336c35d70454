package io.churnwatch.signals;

/**
 * What a {@link SignalRule} concluded at one evaluation: whether its condition holds and, if so, how severe it
 * is (the MRR bump included). Evidence is produced separately by {@link SignalRule#explain}, only when a record
 * is emitted, to keep the per-event cost low.
 */
record Verdict(boolean active, Severity severity) {

    static final Verdict INACTIVE = new Verdict(false, null);

    static Verdict active(final Severity severity) {
        return new Verdict(true, severity);
    }

    static Verdict when(final boolean condition, final Severity severity) {
        return condition ? active(severity) : INACTIVE;
    }
}
