package io.churnwatch.generate;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An {@link EventSink} that keeps everything in memory, in arrival order: for tests and small histories. */
public final class CollectingSink implements EventSink {

    private final List<AccountProfile> profiles = new ArrayList<>();
    private final List<UsageEvent> usage = new ArrayList<>();
    private final List<SupportTicketEvent> tickets = new ArrayList<>();
    private final List<BillingEvent> billing = new ArrayList<>();
    private final List<GroundTruth> truths = new ArrayList<>();

    @Override
    public void accept(final AccountProfile profile) {
        profiles.add(profile);
    }

    @Override
    public void accept(final UsageEvent event) {
        usage.add(event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        tickets.add(event);
    }

    @Override
    public void accept(final BillingEvent event) {
        billing.add(event);
    }

    @Override
    public void accept(final GroundTruth truth) {
        truths.add(truth);
    }

    public List<AccountProfile> profiles() {
        return Collections.unmodifiableList(profiles);
    }

    public List<UsageEvent> usage() {
        return Collections.unmodifiableList(usage);
    }

    public List<SupportTicketEvent> tickets() {
        return Collections.unmodifiableList(tickets);
    }

    public List<BillingEvent> billing() {
        return Collections.unmodifiableList(billing);
    }

    public List<GroundTruth> truths() {
        return Collections.unmodifiableList(truths);
    }
}
