package io.churnwatch.signals;

import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import java.io.IOException;
import java.util.Objects;

/**
 * What an account's support tickets left behind: daily counts of opened/reopened tickets, of those with HIGH or
 * URGENT priority and of feature/discount requests, plus the last time any ticket event and any
 * cancellation-intent ticket was seen.
 */
final class SupportFacts {

    private DailyCounts opened;
    private DailyCounts urgent;
    private DailyCounts requests;
    private long lastTicketAt;
    private long lastIntentAt;

    private SupportFacts(final DailyCounts opened, final DailyCounts urgent, final DailyCounts requests,
                         final long lastTicketAt, final long lastIntentAt) {
        this.opened = opened;
        this.urgent = urgent;
        this.requests = requests;
        this.lastTicketAt = lastTicketAt;
        this.lastIntentAt = lastIntentAt;
    }

    static SupportFacts empty(final int days, final long day) {
        return new SupportFacts(new DailyCounts(days, day), new DailyCounts(days, day), new DailyCounts(days, day),
                Days.NONE, Days.NONE);
    }

    DailyCounts opened() {
        return opened;
    }

    DailyCounts urgent() {
        return urgent;
    }

    DailyCounts requests() {
        return requests;
    }

    boolean hasTickets() {
        return lastTicketAt != Days.NONE;
    }

    long lastIntentAt() {
        return lastIntentAt;
    }

    void fit(final int days) {
        opened = opened.resized(days);
        urgent = urgent.resized(days);
        requests = requests.resized(days);
    }

    void rollTo(final long day) {
        opened.rollTo(day);
        urgent.rollTo(day);
        requests.rollTo(day);
    }

    static boolean opens(final SupportTicketEvent event) {
        return event.getStatus() == TicketStatus.OPENED || event.getStatus() == TicketStatus.REOPENED;
    }

    /** Records the last-seen facts of a ticket event; they apply even when the event is late. */
    void seen(final SupportTicketEvent event, final long millis) {
        lastTicketAt = Math.max(lastTicketAt, millis);
        if (opens(event) && event.getCategory() == TicketCategory.CANCELLATION_INTENT) {
            lastIntentAt = Math.max(lastIntentAt, millis);
        }
    }

    /** Counts an opened/reopened ticket in its day; only for records inside the grace period. */
    void count(final SupportTicketEvent event, final long day) {
        if (!opens(event)) {
            return;
        }
        opened.add(day, 1);
        if (event.getPriority() == TicketPriority.HIGH || event.getPriority() == TicketPriority.URGENT) {
            urgent.add(day, 1);
        }
        if (event.getCategory() == TicketCategory.FEATURE_REQUEST
                || event.getCategory() == TicketCategory.DISCOUNT_REQUEST) {
            requests.add(day, 1);
        }
    }

    void write(final StateWriter out) {
        opened.write(out);
        urgent.write(out);
        requests.write(out);
        Days.writeTime(out, lastTicketAt);
        Days.writeTime(out, lastIntentAt);
    }

    static SupportFacts read(final StateReader in) throws IOException {
        return new SupportFacts(DailyCounts.read(in), DailyCounts.read(in), DailyCounts.read(in),
                Days.readTime(in), Days.readTime(in));
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof SupportFacts s && s.opened.equals(opened) && s.urgent.equals(urgent)
                && s.requests.equals(requests) && s.lastTicketAt == lastTicketAt && s.lastIntentAt == lastIntentAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(opened, urgent, requests, lastTicketAt, lastIntentAt);
    }
}
