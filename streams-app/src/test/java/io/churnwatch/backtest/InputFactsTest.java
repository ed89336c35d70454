package io.churnwatch.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputFactsTest {

    private static final Instant DAY_0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void shouldCallAnAccountChurnedAtItsFirstCancellationAndTheOthersRetainedUntilTheLastEvent() {
        final InputFacts facts = new InputFacts();
        facts.observe(usage("a", DAY_0));
        facts.observe(usage("b", DAY_0.plusSeconds(86_400 * 3)));
        facts.observe(billing("a", DAY_0.plusSeconds(86_400)));
        facts.observe(billing("a", DAY_0.plusSeconds(86_400 * 2)));

        assertThat(facts.outcomesFromInput())
                .containsEntry("a", new Outcome(Outcome.Kind.CHURNED, DAY_0.plusSeconds(86_400)))
                .containsEntry("b", new Outcome(Outcome.Kind.RETAINED, DAY_0.plusSeconds(86_400 * 3)));
    }

    @Test
    void shouldKeepTheSegmentFirstUsageAndDistinctUsageDaysWhenEventsArrive() {
        final InputFacts facts = new InputFacts();
        facts.observe(AccountProfile.newBuilder().setAccountId("a").setName("A").setSegment(Segment.TECH_TOUCH)
                .setSignedUpAt(DAY_0).build());
        facts.observe(usage("a", DAY_0.plusSeconds(86_400)));
        facts.observe(usage("a", DAY_0));
        facts.observe(usage("a", DAY_0.plusSeconds(3_600)));

        final AccountHistory history = facts.histories(Map.of(), Map.of(), Map.of()).get(0);

        assertThat(history.segment()).isEqualTo(Segment.TECH_TOUCH);
        assertThat(history.firstUsage()).isEqualTo(DAY_0);
        final long day0 = DAY_0.toEpochMilli() / 86_400_000L;
        assertThat(history.usageDays()).isEqualTo(List.of(day0, day0 + 1));
        assertThat(history.outcome().kind()).isEqualTo(Outcome.Kind.OTHER);
    }

    private static UsageEvent usage(final String account, final Instant at) {
        return UsageEvent.newBuilder().setEventId(account + at).setAccountId(account).setKind(UsageKind.LOGIN)
                .setQuantity(1).setOccurredAt(at).build();
    }

    private static BillingEvent billing(final String account, final Instant at) {
        return BillingEvent.newBuilder().setEventId(account + at).setAccountId(account)
                .setType(BillingEventType.CANCELLED).setMrrCents(0).setCurrency("EUR").setOccurredAt(at).build();
    }
}
