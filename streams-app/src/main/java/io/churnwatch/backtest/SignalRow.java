package io.churnwatch.backtest;

/**
 * How one signal (or all, or a baseline, or a segment) tells churners from retained accounts.
 *
 * @param name            what the row is about: a signal, "all signals", a baseline or a segment
 * @param churners        accounts that churned (after the minimum tenure)
 * @param flagged         churners with an OPEN alert at least the lead days before they cancelled
 * @param retained        accounts that stayed
 * @param retainedAlerted retained accounts with any OPEN alert before the end of their observation
 * @param openRecords     OPEN alert records of retained accounts (each update of an episode counts: it is a contact)
 * @param retainedMonths  months the retained accounts were observed, from their first usage
 * @param recall          flagged / churners
 * @param retainedShare   retainedAlerted / retained
 * @param precision       flagged / (flagged + retainedAlerted)
 * @param f1              harmonic mean of precision and recall
 * @param load            openRecords / retainedMonths: OPEN alerts per retained account-month
 */
public record SignalRow(String name, int churners, int flagged, int retained, int retainedAlerted, long openRecords,
                        double retainedMonths, double recall, double retainedShare, double precision, double f1,
                        double load) {

    /** The row of the counts, its ratios computed (0 where a denominator is 0). */
    public static SignalRow of(final String name, final int churners, final int flagged, final int retained,
                               final int retainedAlerted, final long openRecords, final double retainedMonths) {
        final double recall = ratio(flagged, churners);
        final double precision = ratio(flagged, flagged + retainedAlerted);
        final double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new SignalRow(name, churners, flagged, retained, retainedAlerted, openRecords, retainedMonths, recall,
                ratio(retainedAlerted, retained), precision, f1, retainedMonths == 0 ? 0 : openRecords / retainedMonths);
    }

    private static double ratio(final double part, final double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
