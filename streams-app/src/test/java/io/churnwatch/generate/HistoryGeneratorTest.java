package io.churnwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape of the emitted stream: order, bounds, counts and ids. */
class HistoryGeneratorTest {

    private static final SampleHistory HISTORY = SampleHistory.get();

    @Test
    void shouldEmitUsageInNonDecreasingTimeWhenGenerating() {
        assertThat(HISTORY.sink.usage()).extracting(UsageEvent::getOccurredAt)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void shouldEmitTicketsInNonDecreasingTimeWhenGenerating() {
        assertThat(HISTORY.sink.tickets()).extracting(SupportTicketEvent::getOccurredAt)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void shouldEmitBillingInNonDecreasingTimeWhenGenerating() {
        assertThat(HISTORY.sink.billing()).extracting(BillingEvent::getOccurredAt)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void shouldInterleaveTopicsInOneTimeOrderAfterProfilesAndBeforeTruthWhenGenerating() {
        final RecordingSink sink = new RecordingSink();

        new HistoryGenerator(SampleHistory.OPTIONS.withAccounts(60)).generate(sink);

        assertThat(sink.kinds.subList(0, 60)).containsOnly("profile");
        assertThat(sink.kinds.subList(sink.kinds.size() - 60, sink.kinds.size())).containsOnly("truth");
        assertThat(sink.eventTimes).isNotEmpty().isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void shouldKeepEventsWithinHistoryWhenGenerating() {
        final Instant start = SampleHistory.OPTIONS.start();
        final Instant end = SampleHistory.OPTIONS.end();

        assertThat(allEventTimes()).allMatch(t -> !t.isBefore(start) && t.isBefore(end));
    }

    @Test
    void shouldEmitNothingBeforeSignUpWhenAccountStarts() {
        final Map<String, Instant> signedUp = HISTORY.sink.profiles().stream()
                .collect(Collectors.toMap(AccountProfile::getAccountId, AccountProfile::getSignedUpAt));

        assertThat(HISTORY.sink.usage()).allMatch(e -> !e.getOccurredAt().isBefore(signedUp.get(e.getAccountId())));
        assertThat(HISTORY.sink.tickets()).allMatch(e -> !e.getOccurredAt().isBefore(signedUp.get(e.getAccountId())));
        assertThat(HISTORY.sink.billing()).allMatch(e -> !e.getOccurredAt().isBefore(signedUp.get(e.getAccountId())));
    }

    @Test
    void shouldCountWhatItEmittedWhenReportingStats() {
        assertThat(HISTORY.stats).isEqualTo(new GenerationStats(HISTORY.sink.profiles().size(),
                HISTORY.sink.usage().size(), HISTORY.sink.tickets().size(), HISTORY.sink.billing().size()));
    }

    @Test
    void shouldEmitBetweenOneAndFourEventsPerAccountDayWhenDefaultMix() {
        final double perAccountDay = HISTORY.stats.events()
                / (double) (SampleHistory.OPTIONS.accounts() * SampleHistory.OPTIONS.days());

        assertThat(perAccountDay).isBetween(1.0, 4.0);
    }

    @Test
    void shouldUseUniqueEventIdsWhenGenerating() {
        final List<String> ids = Stream.of(
                HISTORY.sink.usage().stream().map(UsageEvent::getEventId),
                HISTORY.sink.tickets().stream().map(SupportTicketEvent::getEventId),
                HISTORY.sink.billing().stream().map(BillingEvent::getEventId))
                .flatMap(Function.identity()).toList();

        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void shouldStartEverySubscriptionWhenHistoryStarts() {
        final Set<String> started = new HashSet<>();
        HISTORY.sink.billing().stream().filter(e -> e.getType() == BillingEventType.SUBSCRIPTION_STARTED)
                .forEach(e -> started.add(e.getAccountId()));

        assertThat(started).isEqualTo(HISTORY.truths.keySet());
    }

    private static List<Instant> allEventTimes() {
        final List<Instant> times = new ArrayList<>();
        HISTORY.sink.usage().forEach(e -> times.add(e.getOccurredAt()));
        HISTORY.sink.tickets().forEach(e -> times.add(e.getOccurredAt()));
        HISTORY.sink.billing().forEach(e -> times.add(e.getOccurredAt()));
        return times;
    }

    /** Records the kind of every call and the time of every event, in call order. */
    private static final class RecordingSink implements EventSink {
        private final List<String> kinds = new ArrayList<>();
        private final List<Instant> eventTimes = new ArrayList<>();

        @Override
        public void accept(final AccountProfile profile) {
            kinds.add("profile");
        }

        @Override
        public void accept(final UsageEvent event) {
            event(event.getOccurredAt());
        }

        @Override
        public void accept(final SupportTicketEvent event) {
            event(event.getOccurredAt());
        }

        @Override
        public void accept(final BillingEvent event) {
            event(event.getOccurredAt());
        }

        @Override
        public void accept(final GroundTruth truth) {
            kinds.add("truth");
        }

        private void event(final Instant at) {
            kinds.add("event");
            eventTimes.add(at);
        }
    }
}
