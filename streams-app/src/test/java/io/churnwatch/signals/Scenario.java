package io.churnwatch.signals;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.config.SignalsConfig;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Drives an {@link AccountEngine} for one account the way the stream processor does: before each input record,
 * deadlines due at or before its time fire first; all emitted alerts and health updates are collected.
 */
final class Scenario {

    static final String ACCOUNT = "acct-1";
    static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");

    final AccountEngine engine;
    final Cohorts cohorts;
    AccountState state;
    AccountProfile profile;
    OptionalLong deadline = OptionalLong.empty();
    Outcome last;
    final List<ChurnRiskAlert> alerts = new ArrayList<>();
    final List<HealthScoreUpdate> health = new ArrayList<>();
    final List<Instant> deadlinesFired = new ArrayList<>();
    private final Map<String, AccountState> peers = new HashMap<>();
    private int nextEventId;

    Scenario(final SignalsConfig config) {
        this.engine = new AccountEngine(config, "test-v1");
        this.cohorts = engine.newCohorts();
    }

    /**
     * The defaults, but with one alert per signal ({@code alert.grouping=SIGNAL}): the rule tests follow one
     * signal's episode; {@link #grouped} gives the account-level CHURN_RISK grouping.
     */
    static Scenario defaults() {
        return with(Map.of());
    }

    static Scenario with(final Map<String, ?> settings) {
        final Map<String, Object> withGrouping = new HashMap<>(settings);
        withGrouping.putIfAbsent(RiskConfig.GROUPING, "SIGNAL");
        return new Scenario(SignalsConfig.of(withGrouping));
    }

    /** The given settings with the default, account-level grouping of alerts. */
    static Scenario grouped(final Map<String, ?> settings) {
        return new Scenario(SignalsConfig.of(settings));
    }

    static Instant day(final int n) {
        return EPOCH.plus(Duration.ofDays(n));
    }

    static Instant at(final int day, final int hour) {
        return day(day).plus(Duration.ofHours(hour));
    }

    static AccountProfile profile(final Segment segment, final String ownerId) {
        return AccountProfile.newBuilder().setAccountId(ACCOUNT).setName("Acme").setSegment(segment)
                .setOwnerId(ownerId).setSignedUpAt(day(-100)).build();
    }

    Scenario withProfile(final Segment segment, final String ownerId) {
        profile = profile(segment, ownerId);
        return this;
    }

    Outcome usage(final Instant at, final UsageKind kind, final int quantity, final String feature) {
        return apply(at, () -> engine.onUsage(state, UsageEvent.newBuilder().setEventId(id()).setAccountId(ACCOUNT)
                .setKind(kind).setFeature(feature).setQuantity(quantity).setOccurredAt(at).build(),
                ProfileFacts.of(profile), cohorts));
    }

    Outcome logins(final Instant at, final int quantity) {
        return usage(at, UsageKind.LOGIN, quantity, null);
    }

    /** One LOGIN of {@code perDay} at noon of every day in [fromDay, toDayExclusive). */
    void dailyLogins(final int fromDay, final int toDayExclusive, final int perDay) {
        for (int d = fromDay; d < toDayExclusive; d++) {
            logins(at(d, 12), perDay);
        }
    }

    Outcome feature(final Instant at, final String feature) {
        return usage(at, UsageKind.ACTIVITY, 1, feature);
    }

    Outcome ticket(final Instant at, final TicketCategory category, final TicketPriority priority,
                   final TicketStatus status) {
        return apply(at, () -> engine.onTicket(state, SupportTicketEvent.newBuilder().setEventId(id())
                .setAccountId(ACCOUNT).setTicketId("t-" + nextEventId).setStatus(status).setPriority(priority)
                .setCategory(category).setOccurredAt(at).build(), ProfileFacts.of(profile), cohorts));
    }

    Outcome ticket(final Instant at, final TicketCategory category) {
        return ticket(at, category, TicketPriority.NORMAL, TicketStatus.OPENED);
    }

    Outcome billing(final Instant at, final BillingEventType type, final long mrrCents) {
        return apply(at, () -> engine.onBilling(state, BillingEvent.newBuilder().setEventId(id())
                .setAccountId(ACCOUNT).setType(type).setMrrCents(mrrCents).setCurrency("EUR")
                .setOccurredAt(at).build(), ProfileFacts.of(profile), cohorts));
    }

    /**
     * A LOGIN of another account of the same cohorts (its profile as this account's), as the task that owns both
     * would process it; only its cohort membership matters, so its alerts are dropped.
     */
    void peerLogin(final String peerId, final Instant at) {
        advanceTo(at);
        final AccountProfile peerProfile = profile == null ? null
                : AccountProfile.newBuilder(profile).setAccountId(peerId).build();
        peers.put(peerId, engine.onUsage(peers.get(peerId), UsageEvent.newBuilder().setEventId(id())
                .setAccountId(peerId).setKind(UsageKind.LOGIN).setQuantity(1).setOccurredAt(at).build(),
                ProfileFacts.of(peerProfile), cohorts).state());
    }

    /** Fires, in order, every deadline at or before {@code until}. */
    void advanceTo(final Instant until) {
        while (deadline.isPresent() && deadline.getAsLong() <= until.toEpochMilli()) {
            final Instant due = Instant.ofEpochMilli(deadline.getAsLong());
            deadlinesFired.add(due);
            record(engine.onDeadline(state, ProfileFacts.of(profile), due, cohorts));
        }
    }

    List<ChurnRiskAlert> alerts(final ChurnSignal signal) {
        return alerts.stream().filter(a -> a.getSignal() == signal).toList();
    }

    List<ChurnRiskAlert> alerts(final ChurnSignal signal, final AlertStatus status) {
        return alerts.stream().filter(a -> a.getSignal() == signal && a.getStatus() == status).toList();
    }

    HealthScoreUpdate lastHealth() {
        return health.get(health.size() - 1);
    }

    private Outcome apply(final Instant at, final Supplier<Outcome> call) {
        advanceTo(at);
        return record(call.get());
    }

    private Outcome record(final Outcome outcome) {
        last = outcome;
        state = outcome.state();
        alerts.addAll(outcome.alerts());
        outcome.health().ifPresent(health::add);
        deadline = outcome.nextDeadlineMillis();
        return outcome;
    }

    private String id() {
        return "e-" + nextEventId++;
    }
}
