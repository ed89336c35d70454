package io.churnwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohortsTest {

    private static final Cohorts BY_DEFAULT = new Cohorts(SignalsConfig.defaults());

    @Test
    void shouldPutAccountsOfOneSegmentRenewingInTheSameMonthInOneCohortWhenGroupedByDefault() {
        assertThat(BY_DEFAULT.keyOf(facts(Segment.TECH_TOUCH, "2014-06-19T09:00:00Z")))
                .isEqualTo(BY_DEFAULT.keyOf(facts(Segment.TECH_TOUCH, "2014-06-02T00:00:00Z")))
                .isEqualTo("segment:TECH_TOUCH/renewal:2014-06");
    }

    @Test
    void shouldSeparateAccountsRenewingInAnotherMonthWhenGroupedByDefault() {
        assertThat(BY_DEFAULT.keyOf(facts(Segment.TECH_TOUCH, "2014-06-19T09:00:00Z")))
                .isNotEqualTo(BY_DEFAULT.keyOf(facts(Segment.TECH_TOUCH, "2014-12-19T09:00:00Z")));
    }

    @Test
    void shouldUseTheSegmentAloneWhenTheProfileHasNoRenewalDate() {
        assertThat(BY_DEFAULT.keyOf(facts(Segment.HIGH_TOUCH, null))).isEqualTo("segment:HIGH_TOUCH");
        assertThat(BY_DEFAULT.keyOf(ProfileFacts.NONE)).isEqualTo("segment:LOW_TOUCH");
    }

    @Test
    void shouldIgnoreTheRenewalWhenGroupedBySegment() {
        final Cohorts bySegment = new Cohorts(SignalsConfig.of(Map.of(RiskConfig.COHORT_BY, "SEGMENT")));

        assertThat(bySegment.keyOf(facts(Segment.TECH_TOUCH, "2014-06-19T09:00:00Z")))
                .isEqualTo("segment:TECH_TOUCH");
    }

    @Test
    void shouldPutEveryAccountInOneCohortWhenGroupedByNothing() {
        final Cohorts all = new Cohorts(SignalsConfig.of(Map.of(RiskConfig.COHORT_BY, "none")));

        assertThat(all.keyOf(facts(Segment.TECH_TOUCH, "2014-06-19T09:00:00Z"))).isEqualTo(all.keyOf(ProfileFacts.NONE));
    }

    private static ProfileFacts facts(final Segment segment, final String renewal) {
        return ProfileFacts.of(profile(segment, renewal));
    }

    private static AccountProfile profile(final Segment segment, final String renewal) {
        return AccountProfile.newBuilder().setAccountId("a").setName("A").setSegment(segment)
                .setSignedUpAt(Instant.parse("2013-03-10T09:00:00Z"))
                .setRenewalAt(renewal == null ? null : Instant.parse(renewal)).build();
    }
}
