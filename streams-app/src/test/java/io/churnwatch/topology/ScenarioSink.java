package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;

/** Feeds a generated history into a {@link PipelineDriver}, in the generator's time order. */
record ScenarioSink(PipelineDriver pipeline) implements EventSink {

    @Override
    public void accept(final AccountProfile profile) {
        pipeline.send(profile);
    }

    @Override
    public void accept(final UsageEvent event) {
        pipeline.send(event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        pipeline.send(event);
    }

    @Override
    public void accept(final BillingEvent event) {
        pipeline.send(event);
    }
}
