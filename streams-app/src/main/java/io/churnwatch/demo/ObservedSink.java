package io.churnwatch.demo;

import io.churnwatch.backtest.InputFacts;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;

/** Passes every generated record on to {@code next} and notes it in {@code facts} for the demo's backtest. */
final class ObservedSink implements EventSink {

    private final EventSink next;
    private final InputFacts facts;

    ObservedSink(final EventSink next, final InputFacts facts) {
        this.next = next;
        this.facts = facts;
    }

    @Override
    public void accept(final AccountProfile profile) {
        facts.observe(profile);
        next.accept(profile);
    }

    @Override
    public void accept(final UsageEvent event) {
        facts.observe(event);
        next.accept(event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        facts.observe(event);
        next.accept(event);
    }

    @Override
    public void accept(final BillingEvent event) {
        facts.observe(event);
        next.accept(event);
    }
}
