package io.churnwatch.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a backtest found.
 *
 * @param options          how it judged
 * @param accounts         accounts in the input
 * @param churners         accounts that churned after the minimum tenure
 * @param retained         accounts that stayed
 * @param alertRecords     alert records of all accounts
 * @param openRecords      OPEN alert records of all accounts
 * @param overall          every alert
 * @param bySignal         alerts concerning each signal that occurred (signal or reason), in signal order
 * @param naive            the baseline of {@link BacktestOptions#naiveSilenceDays} without usage
 * @param bySegment        every alert, per segment
 * @param leadTimes        when churners were first alerted
 * @param health           how the health score ranks
 * @param churnerScores    churners' scores lead days before they cancelled, in ten bins of 10 points (90-100 last)
 * @param retainedScores   retained accounts' scores lead days before their observation ended, same bins
 * @param weights          health weights proposed from this backtest ({@link #withWeights}), null when not asked
 */
public record BacktestReport(BacktestOptions options, int accounts, int churners, int retained, long alertRecords,
                             long openRecords, SignalRow overall, List<SignalRow> bySignal, SignalRow naive,
                             List<SignalRow> bySegment, LeadTimes leadTimes, HealthRanking health,
                             List<Integer> churnerScores, List<Integer> retainedScores,
                             @JsonInclude(JsonInclude.Include.NON_NULL) WeightProposal weights) {

    public BacktestReport {
        bySignal = List.copyOf(bySignal);
        bySegment = List.copyOf(bySegment);
        churnerScores = List.copyOf(churnerScores);
        retainedScores = List.copyOf(retainedScores);
    }

    /** This report with the health weights proposed from the same backtest. */
    public BacktestReport withWeights(final WeightProposal proposal) {
        return new BacktestReport(options, accounts, churners, retained, alertRecords, openRecords, overall, bySignal,
                naive, bySegment, leadTimes, health, churnerScores, retainedScores, proposal);
    }
}
