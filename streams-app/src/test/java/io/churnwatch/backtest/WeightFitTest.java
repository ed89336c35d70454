package io.churnwatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightFitTest {

    private static final List<String> TWO = List.of("telling", "noise");

    /**
     * Seeded accounts, half of them churners, with two components: the first falls in the 30 days before a
     * churner cancels (and never for a retained account), the second is noise for everybody.
     */
    private static List<AccountHistory> accounts(final long seed) {
        return accounts(seed, new double[0]);
    }

    /** The same accounts, with {@code more} component scores after the two on every health update. */
    private static List<AccountHistory> accounts(final long seed, final double... more) {
        final Random random = new Random(seed);
        final List<AccountHistory> accounts = new ArrayList<>();
        for (int a = 0; a < 400; a++) {
            final boolean churner = a % 2 == 0;
            final Histories h = Histories.account("acct-" + a, 60);
            for (int day = 0; day < 60; day++) {
                final boolean leaving = churner && day >= 30;
                final double telling = leaving ? 20 + 30 * random.nextDouble() : 40 + 60 * random.nextDouble();
                final double noise = 100 * random.nextDouble();
                final double[] components = new double[2 + more.length];
                components[0] = telling;
                components[1] = noise;
                System.arraycopy(more, 0, components, 2, more.length);
                h.score(day + 0.5, (int) Math.round((telling + noise) / 2), components);
            }
            accounts.add((churner ? h.churnedOn(60) : h.retainedUntil(60)).build());
        }
        return accounts;
    }

    private static WeightProposal propose(final List<AccountHistory> accounts, final double... current) {
        return Backtest.proposeWeights(accounts, BacktestOptions.defaults(), TWO, current);
    }

    @Test
    void shouldMoveTheWeightToTheComponentThatTellsChurnersApartWhenTheOtherIsNoise() {
        final WeightProposal proposal = propose(accounts(7), 1, 1);

        assertThat(proposal.current()).containsExactly(0.5, 0.5);
        assertThat(proposal.proposed().get(0)).isGreaterThan(0.9);
        assertThat(proposal.proposed().get(0) + proposal.proposed().get(1)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldRankTheAccountsItWasNotFittedOnBetterWhenTheProposalIsBetter() {
        final WeightProposal proposal = propose(accounts(11), 1, 1);

        assertThat(proposal.checkDays()).isPositive();
        assertThat(proposal.checkAucProposed()).isGreaterThan(proposal.checkAucCurrent() + 0.05);
        assertThat(proposal.fitAucProposed()).isGreaterThan(proposal.fitAucCurrent());
    }

    @Test
    void shouldKeepTheWeightsWhenNoMoveRanksBetter() {
        final WeightProposal proposal = propose(accounts(7), 1, 0);

        assertThat(proposal.proposed()).containsExactly(1.0, 0.0);
        assertThat(proposal.fitAucProposed()).isEqualTo(proposal.fitAucCurrent());
    }

    @Test
    void shouldKeepTheWeightOfAComponentWhenNoAccountDayHasDataForIt() {
        final WeightProposal proposal = Backtest.proposeWeights(accounts(7, Double.NaN), BacktestOptions.defaults(),
                List.of("telling", "noise", "absent"), new double[] {1, 1, 2});

        assertThat(proposal.coverage()).containsExactly(1.0, 1.0, 0.0);
        assertThat(proposal.proposed().get(2)).isEqualTo(0.5);
        assertThat(proposal.proposed().get(0)).isGreaterThan(0.4);
    }

    @Test
    void shouldSplitTheAccountDaysIntoTwoHalvesWhenFitting() {
        final WeightProposal proposal = propose(accounts(7), 1, 1);

        assertThat(proposal.fitDays() + proposal.checkDays()).isEqualTo(400L * 60);
        assertThat(proposal.fitDays()).isBetween(400L * 60 / 3, 400L * 60 * 2 / 3);
    }

    @Test
    void shouldScoreWithTheWeightsOfTheComponentsWithDataWhenOneHasNone() {
        assertThat(WeightFit.score(new double[] {Double.NaN, 40}, new double[] {0.9, 0.1})).isEqualTo(40);
        assertThat(WeightFit.score(new double[] {80, 40}, new double[] {0.75, 0.25})).isEqualTo(70);
        assertThat(WeightFit.score(new double[] {80, Double.NaN}, new double[] {0, 1})).isEqualTo(-1);
    }

    @Test
    void shouldWriteTheProposalAsSetOptionsWhenAskedHowToVerifyIt() {
        final WeightProposal proposal = new WeightProposal(TWO, List.of(0.5, 0.5), List.of(0.62, 0.38),
                List.of(1.0, 1.0), 1, 1, 0.5, 0.6, 0.5, 0.6);

        assertThat(proposal.setOptions("health.weight."))
                .isEqualTo("--set health.weight.telling=0.62 --set health.weight.noise=0.38");
    }
}
