package io.churnwatch.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting for evidence and summaries: at most two decimals, no trailing zeros. */
final class Fmt {

    private Fmt() {
    }

    static String num(final double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
