package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Builders of contract events with explicit event times, for topology tests. */
final class Events {

    static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");
    private static final AtomicLong IDS = new AtomicLong();

    private Events() {
    }

    static Instant day(final int n) {
        return EPOCH.plus(Duration.ofDays(n));
    }

    static Instant at(final int day, final int hour) {
        return day(day).plus(Duration.ofHours(hour));
    }

    static UsageEvent login(final String account, final Instant at) {
        return usage(account, at, UsageKind.LOGIN, null);
    }

    /** One usage record counting {@code quantity} logins. */
    static UsageEvent logins(final String account, final Instant at, final int quantity) {
        return UsageEvent.newBuilder(login(account, at)).setQuantity(quantity).build();
    }

    static UsageEvent usage(final String account, final Instant at, final UsageKind kind, final String feature) {
        return UsageEvent.newBuilder().setEventId("u-" + IDS.incrementAndGet()).setAccountId(account)
                .setKind(kind).setFeature(feature).setQuantity(1).setOccurredAt(at).build();
    }

    static SupportTicketEvent ticket(final String account, final Instant at, final TicketCategory category) {
        return SupportTicketEvent.newBuilder().setEventId("t-" + IDS.incrementAndGet()).setAccountId(account)
                .setTicketId("ticket-" + IDS.get()).setStatus(TicketStatus.OPENED).setPriority(TicketPriority.NORMAL)
                .setCategory(category).setOccurredAt(at).build();
    }

    static SupportTicketEvent ticket(final String account, final Instant at, final TicketCategory category,
                                     final TicketStatus status) {
        return SupportTicketEvent.newBuilder(ticket(account, at, category)).setStatus(status).build();
    }

    static BillingEvent billing(final String account, final Instant at, final BillingEventType type, final long mrr) {
        return BillingEvent.newBuilder().setEventId("b-" + IDS.incrementAndGet()).setAccountId(account)
                .setType(type).setMrrCents(mrr).setCurrency("EUR").setPlan("pro").setOccurredAt(at).build();
    }

    static AccountProfile profile(final String account, final Segment segment, final String owner) {
        return AccountProfile.newBuilder().setAccountId(account).setName("Account " + account).setSegment(segment)
                .setOwnerId(owner).setSignedUpAt(day(-200)).build();
    }
}
