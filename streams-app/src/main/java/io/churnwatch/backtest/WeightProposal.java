package io.churnwatch.backtest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Health weights a backtest proposes ({@link WeightFit}), with the AUC of the score for churn within the horizon
 * under the weights the replay ran with and under the proposed ones, on the half of the account-days the weights
 * were fitted on and on the other half, which they were not.
 *
 * @param components the health components, in the order of the weights
 * @param current    the weights the replay ran with, scaled to sum to 1
 * @param proposed   the proposed weights, summing to 1
 * @param coverage   the share of account-days on which each component has data (0: its weight was kept)
 * @param fitDays    account-days of the fitting half
 * @param checkDays  account-days of the checking half
 */
public record WeightProposal(List<String> components, List<Double> current, List<Double> proposed,
                             List<Double> coverage, long fitDays,
                             long checkDays, double fitAucCurrent, double fitAucProposed, double checkAucCurrent,
                             double checkAucProposed) {

    public WeightProposal {
        components = List.copyOf(components);
        current = List.copyOf(current);
        proposed = List.copyOf(proposed);
        coverage = List.copyOf(coverage);
    }

    /** The proposal as {@code --set} options of a replay or backtest that runs under it. */
    public String setOptions(final String prefix) {
        return IntStream.range(0, components.size())
                .mapToObj(i -> String.format(Locale.ROOT, "--set %s%s=%.2f", prefix, components.get(i), proposed.get(i)))
                .collect(Collectors.joining(" "));
    }
}
