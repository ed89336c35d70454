package io.churnwatch.generate;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Generates a realistic, seeded history of accounts, product usage, support tickets and billing, with a known
 * {@link Archetype} per account as ground truth.
 *
 * <p>The same {@link GeneratorOptions} give the same events in the same order, and {@link #generate(EventSink)}
 * can be run any number of times. Accounts are planned up front (a few hundred bytes each); billing and tickets
 * (a dozen or so events per account) are queued at the start, and usage, the bulk of the events, is simulated
 * day by day, so memory holds about a day of usage rather than the whole history (2000 accounts x 90 days
 * run in a 64 MB heap). Events reach the sink in non-decreasing {@code occurredAt} order across
 * all topics, as a live feed would deliver them.
 */
public final class HistoryGenerator {

    /** Local midnight can be up to this far before UTC midnight, so a day's usage starts no earlier. */
    private static final long MAX_ZONE_LEAD_SECONDS = ZoneOffset.MAX.getTotalSeconds();

    private final GeneratorOptions options;
    private final List<AccountPlan> plans;

    public HistoryGenerator(final GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        final AccountPlanner planner = new AccountPlanner(options);
        final List<AccountPlan> planned = new ArrayList<>(options.accounts());
        for (int i = 0; i < options.accounts(); i++) {
            planned.add(planner.plan(i));
        }
        this.plans = List.copyOf(planned);
    }

    public GeneratorOptions options() {
        return options;
    }

    /** The account profiles, in account order. */
    public List<AccountProfile> profiles() {
        return plans.stream().map(AccountPlan::profile).toList();
    }

    /** The answer key, one entry per account, in account order. */
    public List<GroundTruth> groundTruth() {
        return plans.stream().map(AccountPlan::truth).toList();
    }

    /**
     * Emits the whole history into {@code sink}: every profile, then all events in time order, then every
     * account's ground truth.
     *
     * @return how many records of each kind were emitted
     */
    public GenerationStats generate(final EventSink sink) {
        final Dispatcher dispatcher = new Dispatcher(sink);
        plans.forEach(plan -> sink.accept(plan.profile()));

        final EventQueue queue = new EventQueue(options.start(), options.end());
        final BillingScheduler billing = new BillingScheduler(options);
        final TicketScheduler tickets = new TicketScheduler(options);
        final List<UsageSimulator> usage = new ArrayList<>(plans.size());
        for (final AccountPlan plan : plans) {
            billing.schedule(plan, Seeds.rng(options.seed(), plan.index(), Seeds.Stream.BILLING), queue);
            tickets.schedule(plan, Seeds.rng(options.seed(), plan.index(), Seeds.Stream.TICKETS), queue);
            usage.add(new UsageSimulator(plan, Seeds.rng(options.seed(), plan.index(), Seeds.Stream.USAGE),
                    options.start()));
        }
        for (int day = 0; day < options.days(); day++) {
            for (final UsageSimulator simulator : usage) {
                simulator.simulateDay(day, queue);
            }
            // Usage of later days starts no earlier than the next local midnight anywhere on earth.
            final Instant watermark = options.dayStart(day + 1).minusSeconds(MAX_ZONE_LEAD_SECONDS);
            queue.releaseBefore(watermark, dispatcher);
        }
        queue.releaseAll(dispatcher);

        plans.forEach(plan -> sink.accept(plan.truth()));
        return new GenerationStats(plans.size(), dispatcher.usage, dispatcher.tickets, dispatcher.billing);
    }

    /** Hands each released event to the sink method of its type, counting them. */
    private static final class Dispatcher implements Consumer<SpecificRecord> {
        private final EventSink sink;
        private long usage;
        private long tickets;
        private long billing;

        Dispatcher(final EventSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(final SpecificRecord event) {
            if (event instanceof UsageEvent usageEvent) {
                usage++;
                sink.accept(usageEvent);
            } else if (event instanceof SupportTicketEvent ticketEvent) {
                tickets++;
                sink.accept(ticketEvent);
            } else if (event instanceof BillingEvent billingEvent) {
                billing++;
                sink.accept(billingEvent);
            } else {
                throw new IllegalStateException("unexpected event type " + event.getClass().getName());
            }
        }
    }
}
