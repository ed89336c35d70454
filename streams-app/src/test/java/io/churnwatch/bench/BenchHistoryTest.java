package io.churnwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.CollectingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class BenchHistoryTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(90);

    private static CollectingSink events(final long seed, final int count) {
        final CollectingSink sink = new CollectingSink();
        new BenchHistory(200, seed).events(count, START, SPAN, sink);
        return sink;
    }

    private static List<SpecificRecord> all(final CollectingSink sink) {
        final List<SpecificRecord> records = new ArrayList<>();
        records.addAll(sink.usage());
        records.addAll(sink.tickets());
        records.addAll(sink.billing());
        return records;
    }

    @Test
    void shouldGenerateTheSameEventsWhenTheSeedIsTheSame() {
        assertThat(all(events(7, 2_000))).isEqualTo(all(events(7, 2_000)));
    }

    @Test
    void shouldGenerateOtherEventsWhenTheSeedDiffers() {
        assertThat(all(events(7, 2_000))).isNotEqualTo(all(events(8, 2_000)));
    }

    @Test
    void shouldGenerateTheRequestedNumberOfEventsWhenAskedForEvents() {
        assertThat(all(events(1, 3_456))).hasSize(3_456);
    }

    @Test
    void shouldGenerateTheSameEventsWhenAskedTwiceOnOneInstance() {
        final BenchHistory history = new BenchHistory(200, 3);
        final CollectingSink first = new CollectingSink();
        final CollectingSink second = new CollectingSink();
        history.events(1_000, START, SPAN, first);
        history.events(1_000, START, SPAN, second);

        assertThat(all(second)).isEqualTo(all(first));
    }

    @Test
    void shouldSpreadEventTimesOverTheSpanWhenGenerating() {
        final CollectingSink sink = events(1, 5_000);
        final List<Instant> times = Stream.of(sink.usage(), sink.tickets(), sink.billing()).flatMap(List::stream)
                .map(BenchHistoryTest::occurredAt).sorted().toList();

        assertThat(times.get(0)).isBetween(START, START.plus(Duration.ofHours(1)));
        assertThat(times.get(times.size() - 1)).isBetween(START.plus(SPAN).minus(Duration.ofHours(1)),
                START.plus(SPAN).plusSeconds(1));
    }

    @Test
    void shouldMostlySendUsageWithSomeTicketsAndBillingWhenGenerating() {
        final CollectingSink sink = events(5, 20_000);

        assertThat(sink.usage().size() / 20_000.0).isCloseTo(0.92, within(0.01));
        assertThat(sink.tickets().size() / 20_000.0).isCloseTo(0.05, within(0.01));
        assertThat(sink.billing().size() / 20_000.0).isCloseTo(0.03, within(0.01));
    }

    @Test
    void shouldSendMoreEventsForSomeAccountsThanOthersWhenGenerating() {
        final CollectingSink sink = events(5, 20_000);
        final long busiest = sink.usage().stream().collect(java.util.stream.Collectors.groupingBy(
                UsageEvent::getAccountId, java.util.stream.Collectors.counting())).values().stream()
                .mapToLong(Long::longValue).max().orElse(0);

        assertThat(busiest).isGreaterThan(10 * 20_000 / 200);
    }

    @Test
    void shouldGiveEveryAccountOneProfileSignedUpBeforeTheStartWhenGeneratingProfiles() {
        final CollectingSink sink = new CollectingSink();
        final BenchHistory history = new BenchHistory(300, 9);
        history.profiles(START, sink);

        assertThat(sink.profiles()).extracting(AccountProfile::getAccountId).doesNotHaveDuplicates().hasSize(300)
                .contains(history.accountId(0), history.accountId(299));
        assertThat(sink.profiles()).allMatch(profile -> profile.getSignedUpAt().isBefore(START));
    }

    private static Instant occurredAt(final SpecificRecord record) {
        return (Instant) record.get(record.getSchema().getField("occurredAt").pos());
    }
}
