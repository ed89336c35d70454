package io.churnwatch.topology;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.signals.AccountEngine;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.Cohorts;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Outcome;
import io.churnwatch.signals.ProfileFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies every input event to its account's state through the {@link AccountEngine}, and forwards the
 * resulting {@link ChurnRiskAlert}s and {@link HealthScoreUpdate}s, each stamped with the event time it was
 * evaluated at.
 *
 * <p>Time-driven checks (silence, a decline that is the absence of logins, a payment not recovered) run
 * when stream time passes an account's deadline: a sweep of the {@link DeadlineIndex}, touching only due
 * accounts, starts whenever stream time passes a multiple of {@link SweepSettings#interval()}, checked after each
 * event and once a second of wall-clock time (which covers stream time moved on by records that do not reach this
 * processor). It is not a stream-time punctuation: in a backfill, stream time passes an interval on nearly every
 * record, and Kafka Streams halves the records its thread processes per loop after every punctuation that runs,
 * so a punctuation per record keeps it at one record per task per loop. An account's own due deadlines are also
 * run before its next event is applied, and every deadline is evaluated at its own time, so results depend on
 * the input alone, never on when a sweep happens to run: a replay gives the live run's outputs. An event
 * delivered twice (same {@code eventId}) is applied once ({@link DuplicateFilter}).
 *
 * <p>A sweep examines at most {@link SweepSettings#maxAccounts()} accounts at a time, so a burst (every
 * account falls due at midnight) never holds a transaction open past its timeout; the rest of the sweep
 * continues, at the stream time it started at, when stream time passes the next interval and every second of
 * wall-clock time (an idle input does not stall it). Until it is done, an account it has not reached yet is
 * brought up to that time before its next event is applied, as if the whole sweep had run at once: only
 * when the sweep's outputs are emitted changes. Pending sweeps are counted in {@code sweepsPending}.
 *
 * <p>An account's profile facts come with its state: the validated {@code accounts} records reach this processor too,
 * in the order the accounts table sees them, and each change is kept in the account's entry (one that arrives before
 * the account's first event in an entry without state; a tombstone makes the profile unknown again: LOW_TOUCH, no
 * owner), so an event sees the profile the table held when it was processed, without a lookup and decode of its own.
 * The accounts table is read only for an account whose entry does not have them yet (written by an earlier release).
 * Entries are read and written through {@link AccountStates}, which keeps recent ones decoded.
 *
 * <p>The task's {@link Cohorts} live in memory, loaded from the {@code cohort-stats} store when the task starts
 * and written back after every record and sweep part that changed one.
 */
final class AccountProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    /** Due accounts loaded per store scan, bounding memory when a long gap makes many accounts due at once. */
    private static final int SWEEP_BATCH = 10_000;
    /** Wall-clock time between two continuations of an unfinished sweep. */
    private static final Duration CONTINUE_EVERY = Duration.ofSeconds(1);
    private static final long NO_SWEEP = Long.MIN_VALUE;

    private final AccountEngine engine;
    private final ChurnMetrics metrics;
    private final SweepSettings sweeps;
    private final Duration grace;
    private final AtomicInteger sweepsPending;
    private final int decodedAccounts;
    /** The stream time the unfinished sweep runs deadlines up to; {@link #NO_SWEEP} when none is. */
    private long pendingSweep = NO_SWEEP;
    /** The stream time from which the next sweep starts; the task's first record starts one. */
    private long nextSweepAt = Long.MIN_VALUE;
    private ProcessorContext<String, SpecificRecord> context;
    private AccountStates accounts;
    private DeadlineIndex deadlines;
    private DuplicateFilter duplicates;
    private KeyValueStore<String, byte[]> cohortStore;
    private Cohorts cohorts;

    /**
     * @param sweepsPending   shared by the topology's processors: how many have a sweep unfinished
     * @param decodedAccounts how many account entries the task keeps decoded ({@link AccountStates})
     */
    AccountProcessor(final AccountEngine engine, final ChurnMetrics metrics, final SweepSettings sweeps,
                     final Duration grace, final AtomicInteger sweepsPending, final int decodedAccounts) {
        this.engine = engine;
        this.metrics = metrics;
        this.sweeps = sweeps;
        this.grace = grace;
        this.sweepsPending = sweepsPending;
        this.decodedAccounts = decodedAccounts;
    }

    @Override
    public void init(final ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        final KeyValueStore<Bytes, byte[]> index = context.getStateStore(ChurnTopology.DEADLINE_INDEX_STORE);
        this.deadlines = new DeadlineIndex(index);
        this.accounts = new AccountStates(context.getStateStore(ChurnTopology.ACCOUNT_STATE_STORE),
                context.getStateStore(ChurnTopology.ACCOUNTS_STORE), deadlines, decodedAccounts);
        this.duplicates = new DuplicateFilter(grace);
        this.cohortStore = context.getStateStore(ChurnTopology.COHORTS_STORE);
        this.cohorts = engine.newCohorts();
        try (KeyValueIterator<String, byte[]> all = cohortStore.all()) {
            all.forEachRemaining(entry -> cohorts.restore(entry.key, entry.value));
        }
        context.schedule(CONTINUE_EVERY, PunctuationType.WALL_CLOCK_TIME, wallClock -> clearedOnFailure(() -> {
            if (!sweepIfDue() && pendingSweep != NO_SWEEP) {
                continueSweep();
            }
        }));
    }

    /**
     * Drops the unfinished sweep: Kafka Streams may initialise this instance again (a task suspended and
     * revived), and the next stream-time sweep examines the accounts this one did not reach.
     */
    @Override
    public void close() {
        accounts.clear();
        if (pendingSweep != NO_SWEEP) {
            pendingSweep = NO_SWEEP;
            sweepsPending.decrementAndGet();
        }
    }

    @Override
    public void process(final Record<String, SpecificRecord> record) {
        clearedOnFailure(() -> {
            if (record.value() == null || record.value() instanceof AccountProfile) {
                accounts.keepProfile(record.key(), (AccountProfile) record.value());
                return;
            }
            final String topic = context.recordMetadata().map(m -> m.topic()).orElse("unknown");
            if (sweeps.beyondUntil(record.timestamp())) {
                // Outside the replayed period, yet it moves stream time on: the sweep up to the period's end needs it.
                metrics.skipped(topic);
            } else {
                applyEvent(record, topic);
            }
            sweepIfDue();
        });
    }

    /** Runs {@code work}; if it fails, the decoded entries it may have changed in part are forgotten. */
    private void clearedOnFailure(final Runnable work) {
        try {
            work.run();
        } catch (final RuntimeException e) {
            accounts.clear();
            throw e;
        }
    }

    private void applyEvent(final Record<String, SpecificRecord> record, final String topic) {
        final String accountId = record.key();
        final TrackedAccount before = accounts.get(accountId);
        final RecentEventIds ids = before == null ? RecentEventIds.empty() : before.eventIds();
        final String eventId = ContractFields.eventId(record.value());
        if (eventId != null && duplicates.isDuplicate(ids, eventId, record.timestamp(),
                before == null || before.state() == null ? Long.MIN_VALUE : before.state().clock().toEpochMilli())) {
            metrics.duplicate(topic);
            return;
        }
        final ProfileFacts profile = accounts.profile(accountId, before);
        // An unfinished sweep that has not reached the account yet runs first what it would have run.
        final TrackedAccount caughtUp = before == null || before.state() == null ? null
                : runDeadlines(accountId, before, profile, Math.max(record.timestamp(), pendingSweep));
        final Outcome outcome = apply(caughtUp == null ? null : caughtUp.state(), record.value(), profile);
        emit(accountId, outcome);
        metrics.eventProcessed(topic);
        if (outcome.arrival() == Outcome.Arrival.LATE) {
            metrics.late(topic);
        } else if (outcome.arrival() == Outcome.Arrival.BEHIND_CLOCK) {
            metrics.reordered(topic);
        }
        accounts.save(accountId, before,
                new TrackedAccount(outcome.state(), next(outcome, Long.MIN_VALUE), ids, profile));
        saveCohorts();
    }

    private Outcome apply(final AccountState state, final SpecificRecord event, final ProfileFacts profile) {
        if (event instanceof UsageEvent usage) {
            return engine.onUsage(state, usage, profile, cohorts);
        }
        if (event instanceof SupportTicketEvent ticket) {
            return engine.onTicket(state, ticket, profile, cohorts);
        }
        if (event instanceof BillingEvent billing) {
            return engine.onBilling(state, billing, profile, cohorts);
        }
        throw new IllegalArgumentException("Not an account event: " + event.getSchema().getFullName());
    }

    /**
     * Once stream time passed the next multiple of the interval: starts a sweep of the deadlines due by it, or
     * extends the unfinished one to it, and runs a part of it. Records at or after the replay bound are skipped
     * but still advance stream time: the sweep stops before the bound, or it would evaluate deadlines without the
     * events that were skipped (an account would look silent after it).
     *
     * @return whether a sweep part ran
     */
    private boolean sweepIfDue() {
        final long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0 || streamTime < nextSweepAt) {
            return false;
        }
        nextSweepAt = sweeps.nextSweepAfter(streamTime);
        if (pendingSweep == NO_SWEEP) {
            sweepsPending.incrementAndGet();
        }
        pendingSweep = Math.max(pendingSweep, sweeps.sweepTime(streamTime));
        continueSweep();
        return true;
    }

    /** Runs the unfinished sweep's due accounts, up to the most one sweep part may examine. */
    private void continueSweep() {
        final long started = System.nanoTime();
        int examined = 0;
        List<DeadlineIndex.Due> due = deadlines.due(pendingSweep, Math.min(SWEEP_BATCH, sweeps.maxAccounts()));
        while (!due.isEmpty()) {
            for (final DeadlineIndex.Due entry : due) {
                runDue(entry, pendingSweep);
            }
            examined += due.size();
            if (examined >= sweeps.maxAccounts()) {
                break;
            }
            due = deadlines.due(pendingSweep, Math.min(SWEEP_BATCH, sweeps.maxAccounts() - examined));
        }
        saveCohorts();
        if (due.isEmpty()) {
            pendingSweep = NO_SWEEP;
            sweepsPending.decrementAndGet();
        }
        metrics.sweep(Duration.ofNanos(System.nanoTime() - started), examined);
    }

    private void runDue(final DeadlineIndex.Due entry, final long streamTime) {
        final TrackedAccount before = accounts.get(entry.accountId());
        if (before == null || before.state() == null || before.deadline() != entry.deadline()) {
            deadlines.remove(entry.deadline(), entry.accountId());
            return;
        }
        final TrackedAccount caughtUp = runDeadlines(entry.accountId(), before, accounts.profile(entry.accountId(), before),
                streamTime);
        accounts.save(entry.accountId(), before, caughtUp);
    }

    /** Evaluates the account at each of its deadlines up to {@code dueBy}, emitting what each gives. */
    private TrackedAccount runDeadlines(final String accountId, final TrackedAccount tracked,
                                       final ProfileFacts profile, final long dueBy) {
        AccountState state = tracked.state();
        long deadline = tracked.deadline();
        while (deadline != TrackedAccount.NO_DEADLINE && deadline <= dueBy) {
            final Outcome outcome = engine.onDeadline(state, profile, Instant.ofEpochMilli(deadline), cohorts);
            emit(accountId, outcome);
            state = outcome.state();
            deadline = next(outcome, deadline);
        }
        return new TrackedAccount(state, deadline, tracked.eventIds(), profile);
    }

    /** The outcome's next deadline; one not after {@code evaluatedAt} would loop forever, so it is dropped. */
    private static long next(final Outcome outcome, final long evaluatedAt) {
        if (outcome.nextDeadlineMillis().isEmpty()) {
            return TrackedAccount.NO_DEADLINE;
        }
        final long next = outcome.nextDeadlineMillis().getAsLong();
        return next > evaluatedAt ? next : TrackedAccount.NO_DEADLINE;
    }

    private void saveCohorts() {
        for (final String key : cohorts.drainChanged()) {
            cohortStore.put(key, cohorts.toBytes(key));
        }
    }

    private void emit(final String accountId, final Outcome outcome) {
        for (final ChurnRiskAlert alert : outcome.alerts()) {
            final long time = alert.getEventTime().toEpochMilli();
            context.forward(new Record<>(accountId, (SpecificRecord) alert, time));
            metrics.alert(alert.getSignal().name(), alert.getSeverity().name(), alert.getStatus().name());
            metrics.output(time);
        }
        outcome.health().ifPresent(health -> {
            final long time = health.getAsOf().toEpochMilli();
            context.forward(new Record<>(accountId, (SpecificRecord) health, time));
            metrics.healthUpdate(health.getBand().name());
            metrics.output(time);
        });
    }

}
