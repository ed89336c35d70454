package io.churnwatch.backtest;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a backtest needs to know of the input besides the pipeline's outputs, gathered while the input is
 * imported: each account's segment (from its profile), its first usage and the days it used the product, its
 * first CANCELLED, and the time of the last input event (the end of observation of an account that did not
 * cancel).
 *
 * <p>Not thread-safe: fed by the importing thread.
 */
public final class InputFacts {

    /** One account's facts. */
    private static final class Facts {
        private Segment segment = Segment.LOW_TOUCH;
        private final Set<Long> usageDays = new HashSet<>();
        private Instant firstUsage;
        private Instant cancelledAt;
    }

    private final Map<String, Facts> accounts = new HashMap<>();
    private Instant lastEvent;

    /** Takes note of one input record (profile, usage, ticket or billing event). */
    public void observe(final SpecificRecord record) {
        if (record instanceof AccountProfile p) {
            facts(p.getAccountId()).segment = p.getSegment() == null ? Segment.LOW_TOUCH : p.getSegment();
        } else if (record instanceof UsageEvent e) {
            final Facts facts = facts(e.getAccountId());
            facts.usageDays.add(Math.floorDiv(e.getOccurredAt().toEpochMilli(), Backtest.DAY_MILLIS));
            if (facts.firstUsage == null || e.getOccurredAt().isBefore(facts.firstUsage)) {
                facts.firstUsage = e.getOccurredAt();
            }
            seen(e.getOccurredAt());
        } else if (record instanceof SupportTicketEvent e) {
            facts(e.getAccountId());
            seen(e.getOccurredAt());
        } else if (record instanceof BillingEvent e) {
            final Facts facts = facts(e.getAccountId());
            if (e.getType() == BillingEventType.CANCELLED
                    && (facts.cancelledAt == null || e.getOccurredAt().isBefore(facts.cancelledAt))) {
                facts.cancelledAt = e.getOccurredAt();
            }
            seen(e.getOccurredAt());
        }
    }

    public int accounts() {
        return accounts.size();
    }

    /**
     * The outcome each account had according to the input: CHURNED at its first CANCELLED, else RETAINED until the
     * last input event.
     */
    public Map<String, Outcome> outcomesFromInput() {
        final Map<String, Outcome> outcomes = new TreeMap<>();
        accounts.forEach((id, facts) -> outcomes.put(id, facts.cancelledAt != null
                ? new Outcome(Outcome.Kind.CHURNED, facts.cancelledAt)
                : new Outcome(Outcome.Kind.RETAINED, lastEvent)));
        return outcomes;
    }

    /**
     * Every account of the input with its alerts, health and outcome, in account order. An account without an
     * outcome in {@code outcomes} is OTHER (not judged).
     */
    public List<AccountHistory> histories(final Map<String, List<AlertPoint>> alerts,
                                          final Map<String, List<HealthPoint>> health,
                                          final Map<String, Outcome> outcomes) {
        final List<AccountHistory> histories = new ArrayList<>(accounts.size());
        new TreeMap<>(accounts).forEach((id, facts) -> histories.add(new AccountHistory(id, facts.segment,
                facts.firstUsage, facts.usageDays.stream().sorted().toList(), alerts.getOrDefault(id, List.of()),
                health.getOrDefault(id, List.of()),
                outcomes.getOrDefault(id, new Outcome(Outcome.Kind.OTHER, null)))));
        return histories;
    }

    private Facts facts(final String accountId) {
        return accounts.computeIfAbsent(accountId, id -> new Facts());
    }

    private void seen(final Instant at) {
        if (lastEvent == null || at.isAfter(lastEvent)) {
            lastEvent = at;
        }
    }
}
