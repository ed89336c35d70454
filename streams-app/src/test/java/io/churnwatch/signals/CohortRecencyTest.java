package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CohortRecencyTest {

    private static final int GRACE_DAYS = 1;

    @Test
    void shouldFreezeTheMeanDaysSinceLastUsageWhenTouchedAfterTheGracePeriod() {
        final CohortRecency cohort = new CohortRecency(30);
        cohort.add(100);
        cohort.add(98);

        cohort.touch(103, GRACE_DAYS);

        // On day 101 the members were 1 and 3 days past their last usage.
        assertThat(cohort.frozen(101)).isEqualTo(new CohortRecency.Day(2, 2.0));
        assertThat(cohort.frozen(102)).isNull();
    }

    @Test
    void shouldKeepAFrozenDayWhenMembersMoveAfterwards() {
        final CohortRecency cohort = new CohortRecency(30);
        cohort.add(100);
        cohort.add(98);
        cohort.touch(103, GRACE_DAYS);

        cohort.remove(98);
        cohort.add(103);

        assertThat(cohort.frozen(101)).isEqualTo(new CohortRecency.Day(2, 2.0));
    }

    @Test
    void shouldCountAMemberWhoseLastUsageIsAfterTheFrozenDayAsZeroDays() {
        final CohortRecency cohort = new CohortRecency(30);
        cohort.add(90);
        cohort.add(102);

        cohort.touch(101, 0);

        assertThat(cohort.frozen(100)).isEqualTo(new CohortRecency.Day(2, 5.0));
    }

    @Test
    void shouldCountMembersQuietBeyondTheCapAsCapDaysWhenTheMeanIsFrozen() {
        final CohortRecency cohort = new CohortRecency(7);
        cohort.add(50);
        cohort.add(100);

        cohort.touch(103, 0);

        assertThat(cohort.frozen(102)).isEqualTo(new CohortRecency.Day(2, (7 + 2) / 2.0));
    }

    @Test
    void shouldForgetFrozenDaysWhenTheyAreOlderThanTheKeptWindow() {
        final CohortRecency cohort = new CohortRecency(30);
        cohort.add(100);
        cohort.touch(102, 0);

        cohort.touch(102 + CohortRecency.FROZEN_DAYS + 1, 0);

        assertThat(cohort.frozen(101)).isNull();
        assertThat(cohort.frozen(101 + CohortRecency.FROZEN_DAYS)).isNotNull();
    }

    @Test
    void shouldReadBackTheSameCohortWhenWrittenAndRead() throws IOException {
        final CohortRecency cohort = new CohortRecency(30);
        cohort.add(100);
        cohort.add(80);
        cohort.add(40);
        cohort.touch(105, GRACE_DAYS);

        assertThat(roundTrip(cohort, 30)).isEqualTo(cohort);
    }

    @Test
    void shouldRecountTheMembersWhenReadUnderAnotherCap() throws IOException {
        final CohortRecency cohort = new CohortRecency(30);
        cohort.add(100);
        cohort.add(80);
        cohort.touch(105, GRACE_DAYS);

        final CohortRecency recounted = roundTrip(cohort, 10);
        recounted.touch(106, 0);

        assertThat(recounted.members()).isEqualTo(2);
        // Day 105 under a cap of 10: 5 days past the one member, 10 (capped) for the other.
        assertThat(recounted.frozen(105)).isEqualTo(new CohortRecency.Day(2, 7.5));
    }

    private static CohortRecency roundTrip(final CohortRecency cohort, final int capDays) throws IOException {
        final StateWriter out = new StateWriter(256);
        cohort.write(out);
        return CohortRecency.read(new StateReader(out.toByteArray(), 0, 1), capDays);
    }
}
