package io.churnwatch.backtest;

import java.time.Instant;

/**
 * What became of an account: CHURNED on {@code date} (it cancelled), RETAINED until {@code date} (the end of its
 * observation), or OTHER (neither: not judged; {@code date} may be null).
 */
public record Outcome(Kind kind, Instant date) {

    /** The kinds of outcome. */
    public enum Kind { CHURNED, RETAINED, OTHER }
}
