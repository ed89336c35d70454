package io.churnwatch.signals;

/** Severity arithmetic: raising by levels (capped at CRITICAL) and the MRR bump shared by every signal. */
final class Severities {

    private static final Severity[] LEVELS = {Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};

    private Severities() {
    }

    static Severity raise(final Severity base, final int levels) {
        final int level = Math.min(LEVELS.length - 1, Math.max(0, rank(base) + levels));
        return LEVELS[level];
    }

    /** {@code base}, one level higher when the account's MRR reaches the high-MRR threshold. */
    static Severity forMrr(final Severity base, final long mrrCents, final long highMrrCents) {
        return mrrCents >= highMrrCents ? raise(base, 1) : base;
    }

    /** {@link #forMrr} with the account's current MRR. */
    static Severity forAccount(final Severity base, final Evaluation ev, final long highMrrCents) {
        return forMrr(base, ev.state().billing().mrrCents(), highMrrCents);
    }

    static boolean higher(final Severity a, final Severity b) {
        return rank(a) > rank(b);
    }

    /** Parses a stored severity; an unknown name reads as MEDIUM rather than failing the account's state. */
    static Severity parse(final String name) {
        for (final Severity s : LEVELS) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return Severity.MEDIUM;
    }

    private static int rank(final Severity s) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i] == s) {
                return i;
            }
        }
        return 1;
    }
}
