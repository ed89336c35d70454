package io.churnwatch.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting for evidence and summaries: at most two decimals, no trailing zeros. */
final class Fmt {

    /** Below this magnitude every whole double is an exact long, printed as is by both paths of {@link #num}. */
    private static final double EXACT_WHOLE = 1e15;

    private Fmt() {
    }

    static String num(final double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(value)) {
            return "n/a";
        }
        // whole numbers (most counts and rates at midnight) skip the BigDecimal round trip: same text, less work
        if (value == Math.rint(value) && Math.abs(value) < EXACT_WHOLE) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
