package io.churnwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.TicketStatus;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each archetype's ground truth, checked against the events the generator actually emitted. */
class ArchetypeBehaviourTest {

    private static final SampleHistory HISTORY = SampleHistory.get();

    @Test
    void shouldMixArchetypesWithinToleranceWhenThousandsOfAccounts() {
        final List<GroundTruth> truths = new HistoryGenerator(GeneratorOptions.defaults()).groundTruth();
        final Map<Archetype, Long> counts = truths.stream()
                .collect(Collectors.groupingBy(GroundTruth::archetype, Collectors.counting()));

        for (final Archetype archetype : Archetype.values()) {
            assertThat(counts.getOrDefault(archetype, 0L) / (double) truths.size()).as(archetype.name())
                    .isCloseTo(archetype.share(), within(0.03));
        }
    }

    @Test
    void shouldMixSegmentsWithinToleranceWhenThousandsOfAccounts() {
        final Map<Segment, Long> counts = new HistoryGenerator(GeneratorOptions.defaults()).profiles().stream()
                .collect(Collectors.groupingBy(AccountProfile::getSegment, Collectors.counting()));

        assertThat(counts.get(Segment.HIGH_TOUCH) / 2000.0).isCloseTo(0.10, within(0.03));
        assertThat(counts.get(Segment.LOW_TOUCH) / 2000.0).isCloseTo(0.30, within(0.03));
        assertThat(counts.get(Segment.TECH_TOUCH) / 2000.0).isCloseTo(0.60, within(0.03));
    }

    @Test
    void shouldDropLoginsBelowHalfOfBaselineWhenAccountIsDeclining() {
        final Map<String, int[]> logins = dailyLogins();
        final List<GroundTruth> declining = HISTORY.truths(Archetype.DECLINING);

        assertThat(declining).isNotEmpty().allSatisfy(truth -> {
            final int start = SampleHistory.day(truth.behaviourStartsAt());
            final int[] daily = logins.get(truth.accountId());
            assertThat(start).isGreaterThan(35);
            final boolean dropped = IntStream.rangeClosed(start + 7, daily.length).anyMatch(end -> {
                final double baseline = sum(daily, end - 35, end - 7) / 4.0;
                return baseline >= 5 && sum(daily, end - 7, end) <= 0.5 * baseline;
            });
            assertThat(dropped).as(truth.accountId()).isTrue();
        });
    }

    @Test
    void shouldHaveNoUsageForFourteenDaysBeforeEndWhenAccountIsSilent() {
        final Instant end = SampleHistory.OPTIONS.end();
        final Map<String, Instant> lastUsage = HISTORY.sink.usage().stream().collect(Collectors.toMap(
                UsageEvent::getAccountId, UsageEvent::getOccurredAt, (a, b) -> b));

        assertThat(HISTORY.truths(Archetype.SILENT)).isNotEmpty().allSatisfy(truth -> {
            assertThat(truth.behaviourStartsAt()).isBeforeOrEqualTo(end.minus(Duration.ofDays(14)));
            assertThat(lastUsage.get(truth.accountId())).as(truth.accountId())
                    .isBefore(truth.behaviourStartsAt()).isBefore(end.minus(Duration.ofDays(14)));
        });
    }

    @Test
    void shouldCancelAfterRequestAndBeforeEndWhenAccountIsChurning() {
        final Map<String, List<BillingEvent>> billing = billingByAccount();

        assertThat(HISTORY.truths(Archetype.CHURNING)).isNotEmpty().allSatisfy(truth -> {
            final Instant requested = timeOf(billing.get(truth.accountId()), BillingEventType.CANCELLATION_REQUESTED);
            final Instant cancelled = timeOf(billing.get(truth.accountId()), BillingEventType.CANCELLED);
            assertThat(requested).isEqualTo(truth.cancellationRequestedAt()).isAfter(truth.behaviourStartsAt());
            assertThat(cancelled).isEqualTo(truth.cancelledAt()).isAfter(requested)
                    .isBefore(SampleHistory.OPTIONS.end());
        });
    }

    @Test
    void shouldStopUsageWhenAccountIsCancelled() {
        assertThat(HISTORY.sink.usage()).noneMatch(e -> {
            final GroundTruth truth = HISTORY.truths.get(e.getAccountId());
            return truth.churned() && !e.getOccurredAt().isBefore(truth.cancelledAt());
        });
    }

    @Test
    void shouldNotCancelWhenAccountIsNotChurning() {
        assertThat(HISTORY.sink.billing()).filteredOn(e -> e.getType() == BillingEventType.CANCELLED)
                .isNotEmpty()
                .allMatch(e -> HISTORY.truths.get(e.getAccountId()).archetype() == Archetype.CHURNING);
    }

    @Test
    void shouldOpenFourOrMoreTicketsWithinAWeekWhenTicketSpike() {
        assertThat(HISTORY.truths(Archetype.TICKET_SPIKE)).isNotEmpty().allSatisfy(truth -> {
            final Instant from = truth.behaviourStartsAt();
            final long opened = HISTORY.sink.tickets().stream()
                    .filter(t -> t.getAccountId().equals(truth.accountId()) && t.getStatus() == TicketStatus.OPENED)
                    .filter(t -> !t.getOccurredAt().isBefore(from)
                            && t.getOccurredAt().isBefore(from.plus(Duration.ofDays(7))))
                    .count();
            assertThat(opened).as(truth.accountId()).isGreaterThanOrEqualTo(4);
        });
    }

    @Test
    void shouldNeverRecoverPaymentWhenPaymentFailure() {
        final Map<String, List<BillingEvent>> billing = billingByAccount();

        assertThat(HISTORY.truths(Archetype.PAYMENT_FAILURE)).isNotEmpty().allSatisfy(truth -> {
            final List<BillingEvent> events = billing.get(truth.accountId());
            final Instant failed = truth.behaviourStartsAt();
            assertThat(failed).isBefore(SampleHistory.OPTIONS.end().minus(Duration.ofDays(3)));
            assertThat(events).anyMatch(e -> e.getType() == BillingEventType.PAYMENT_FAILED
                    && e.getOccurredAt().equals(failed));
            assertThat(events).noneMatch(e -> e.getType() == BillingEventType.PAYMENT_SUCCEEDED
                    && e.getOccurredAt().isAfter(failed));
        });
    }

    @Test
    void shouldRecoverWithinThreeDaysWhenOtherAccountsFailToPay() {
        final Map<String, List<BillingEvent>> billing = billingByAccount();
        final List<BillingEvent> failures = HISTORY.sink.billing().stream()
                .filter(e -> e.getType() == BillingEventType.PAYMENT_FAILED)
                .filter(e -> HISTORY.truths.get(e.getAccountId()).archetype() != Archetype.PAYMENT_FAILURE)
                .toList();

        assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(billing.get(failure.getAccountId()))
                .anyMatch(e -> e.getType() == BillingEventType.PAYMENT_SUCCEEDED
                        && e.getOccurredAt().isAfter(failure.getOccurredAt())
                        && e.getOccurredAt().isBefore(failure.getOccurredAt().plus(Duration.ofDays(3)))));
    }

    @Test
    void shouldAssignOwnersOnlyWhenSegmentIsTouched() {
        assertThat(HISTORY.sink.profiles()).allSatisfy(p -> assertThat(p.getOwnerId() != null)
                .as(p.getAccountId()).isEqualTo(p.getSegment() != Segment.TECH_TOUCH));
    }

    private static Map<String, int[]> dailyLogins() {
        final Map<String, int[]> logins = HISTORY.truths.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), id -> new int[SampleHistory.OPTIONS.days()]));
        HISTORY.sink.usage().stream().filter(e -> e.getKind() == UsageKind.LOGIN)
                .forEach(e -> logins.get(e.getAccountId())[SampleHistory.day(e.getOccurredAt())]++);
        return logins;
    }

    private static Map<String, List<BillingEvent>> billingByAccount() {
        return HISTORY.sink.billing().stream().collect(Collectors.groupingBy(BillingEvent::getAccountId));
    }

    private static Instant timeOf(final List<BillingEvent> events, final BillingEventType type) {
        return events.stream().filter(e -> e.getType() == type).map(BillingEvent::getOccurredAt).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    private static int sum(final int[] daily, final int from, final int to) {
        return Arrays.stream(daily, from, to).sum();
    }
}
