package io.churnwatch.backtest;

/**
 * How a backtest judges.
 *
 * @param leadDays         a churner counts as flagged when an OPEN alert came at least this many days before it
 *                         cancelled
 * @param minTenureDays    a CHURNED account counts as a churner only when it cancelled at least this many days
 *                         after its first usage (one that leaves at once gives no behaviour to foresee it by)
 * @param horizonDays      the health ranking asks which accounts churn within this many days of a day's scores
 * @param naiveSilenceDays the naive baseline alerts after more than this many days without usage
 */
public record BacktestOptions(int leadDays, int minTenureDays, int horizonDays, int naiveSilenceDays) {

    public static BacktestOptions defaults() {
        return new BacktestOptions(7, 14, 30, 14);
    }

    public BacktestOptions withLeadDays(final int days) {
        return new BacktestOptions(days, minTenureDays, horizonDays, naiveSilenceDays);
    }
}
