package io.churnwatch.backtest;

/**
 * How well the health score ranks accounts by who leaves next, over daily snapshots (each judged account's
 * latest score at the end of every day it was observed): a positive snapshot is a churner that cancels within the
 * horizon.
 *
 * @param snapshots          account-days scored
 * @param positives          snapshots of churners that cancel within the horizon
 * @param auc                probability that a positive snapshot scores lower than a negative one (ties count
 *                           half): 0.5 is a coin, 1 a perfect ranking
 * @param baseRate           positives / snapshots
 * @param lowestDecileShare  the share of positives among each day's lowest-scored 10% of accounts, pooled
 */
public record HealthRanking(long snapshots, long positives, double auc, double baseRate, double lowestDecileShare) {
}
