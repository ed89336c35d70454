package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Keeps a generated history in the generator's (time) order, across all topics. */
record ListSink(List<SpecificRecord> records) implements EventSink {

    @Override
    public void accept(final AccountProfile profile) {
        records.add(profile);
    }

    @Override
    public void accept(final UsageEvent event) {
        records.add(event);
    }

    @Override
    public void accept(final SupportTicketEvent event) {
        records.add(event);
    }

    @Override
    public void accept(final BillingEvent event) {
        records.add(event);
    }
}
