package io.churnwatch.generate;

/**
 * How much one run of {@link HistoryGenerator#generate(EventSink)} emitted.
 *
 * @param accounts account profiles
 * @param usageEvents usage events
 * @param ticketEvents support-ticket events
 * @param billingEvents billing events
 */
public record GenerationStats(long accounts, long usageEvents, long ticketEvents, long billingEvents) {

    /** Events of all three event topics (profiles not included). */
    public long events() {
        return usageEvents + ticketEvents + billingEvents;
    }
}
