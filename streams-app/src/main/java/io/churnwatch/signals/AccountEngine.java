package io.churnwatch.signals;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.Segment;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The per-account churn logic: pure (no Kafka Streams, no I/O, no wall clock) and deterministic.
 *
 * <p>The caller (the Kafka Streams processor) passes the account's stored state (null for a new account), the
 * input record and the facts of the account's profile ({@link ProfileFacts#NONE} for an unknown account: LOW_TOUCH,
 * no owner), stores the returned state, emits the returned alerts and health update, and indexes the account
 * under the returned deadline, calling {@link #onDeadline} once stream time passes it.
 *
 * <p>Time is event time. Each account has its own clock, the latest event time or deadline it has seen;
 * evaluation happens at that clock, so an out-of-order record never moves it back. A record older than clock
 * minus {@code window.grace} is late: it changes no windowed counts ({@link Outcome#late()} is true) but still
 * advances last-seen facts such as the last usage. A record within the grace period counts in its own day.
 *
 * <p>From a CANCELLED on, the account's open alerts are closed with CLOSED_CHURNED and it emits nothing (no
 * alerts, no health updates, no deadlines) until a later SUBSCRIPTION_STARTED.
 *
 * <p>Alerts are grouped as {@code alert.grouping} says: ACCOUNT (default) gathers the behavioural signals into
 * the account's one CHURN_RISK episode ({@link RiskLifecycle}), SIGNAL gives every signal an episode of its own
 * ({@link AlertLifecycle}); billing facts are always alerts of their own. Each call also keeps the account's
 * membership of its cohort in step ({@link Cohorts}) and reads the cohort's figures for COHORT_LAG.
 *
 * <p>Thread-safe: an engine holds only configuration; all per-account data is in the {@link AccountState}, and
 * the cohorts, which are the task's, are passed in.
 */
public final class AccountEngine {

    private final SignalsConfig config;
    private final String scoringVersion;
    private final List<SignalRule> rules;
    private final HealthScorer scorer;
    private final AlertLifecycle lifecycle;
    private final RiskLifecycle risk;
    private final boolean grouped;

    public AccountEngine(final SignalsConfig config, final String scoringVersion) {
        this.config = Objects.requireNonNull(config, "config");
        this.scoringVersion = Objects.requireNonNull(scoringVersion, "scoringVersion");
        this.rules = List.of(new LoginDeclineRule(config), new TicketSpikeRule(config),
                new CancellationIntentRule(config), new SilenceRule(config), new PaymentFailedRule(config),
                new DowngradeRule(config), new CancellationRequestedRule(), new HealthDropRule(config),
                new CohortLagRule(config));
        this.scorer = new HealthScorer(config);
        final AlertFactory alerts = new AlertFactory(scoringVersion);
        this.lifecycle = new AlertLifecycle(config, alerts);
        this.risk = new RiskLifecycle(config, alerts);
        this.grouped = config.risk().grouping() == RiskConfig.Grouping.ACCOUNT;
    }

    /** New, empty cohorts for one stream task, under this engine's settings. */
    public Cohorts newCohorts() {
        return new Cohorts(config);
    }

    public Outcome onUsage(final AccountState state, final UsageEvent event, final ProfileFacts profile,
                           final Cohorts cohorts) {
        final long at = event.getOccurredAt().toEpochMilli();
        final AccountState s = prepare(state, event.getAccountId(), at);
        final Outcome.Arrival arrival = s.arrival(at, config.graceMillis());
        s.advanceTo(at);
        final long day = Days.of(at);
        s.usage().seenAt(at);
        if (event.getFeature() != null && !event.getFeature().isEmpty()) {
            s.usage().featureUsed(event.getFeature(), day, config.maxFeatures());
        }
        if (arrival != Outcome.Arrival.LATE && event.getKind() == UsageKind.LOGIN) {
            s.usage().countLogins(day, event.getQuantity());
        }
        return evaluate(s, profile, cohorts, arrival, new ArrayList<>());
    }

    public Outcome onTicket(final AccountState state, final SupportTicketEvent event, final ProfileFacts profile,
                            final Cohorts cohorts) {
        final long at = event.getOccurredAt().toEpochMilli();
        final AccountState s = prepare(state, event.getAccountId(), at);
        final Outcome.Arrival arrival = s.arrival(at, config.graceMillis());
        s.advanceTo(at);
        s.support().seen(event, at);
        if (arrival != Outcome.Arrival.LATE) {
            s.support().count(event, Days.of(at));
        }
        return evaluate(s, profile, cohorts, arrival, new ArrayList<>());
    }

    public Outcome onBilling(final AccountState state, final BillingEvent event, final ProfileFacts profile,
                             final Cohorts cohorts) {
        final long at = event.getOccurredAt().toEpochMilli();
        final AccountState s = prepare(state, event.getAccountId(), at);
        final Outcome.Arrival arrival = s.arrival(at, config.graceMillis());
        s.advanceTo(at);
        final boolean wasChurned = s.churned();
        final long mrrBefore = s.billing().mrrCents();
        s.billing().apply(event, at);
        final List<ChurnRiskAlert> alerts = new ArrayList<>();
        if (!wasChurned && s.churned()) {
            final Evaluation ev = new Evaluation(s, s.clockMillis(), profile.segment(), profile.ownerId(),
                    Trends.of(s, s.clockMillis(), config), null, null);
            final Explanation why = AlertLifecycle.cancelled(s.billing().lastCancelledAt(), mrrBefore);
            lifecycle.closeAll(ev, mrrBefore, why, alerts);
            risk.closeAll(ev, mrrBefore, why, alerts);
            s.clearHealthHistory();
        }
        return evaluate(s, profile, cohorts, arrival, alerts);
    }

    /**
     * Re-evaluates an account once stream time passed the deadline its previous outcome asked for. Also the way
     * to re-evaluate after the account's profile changed (its segment sets the silence period and the play):
     * pass {@code state.clock()} as {@code at}.
     *
     * @param at the deadline; an earlier value (a stale index entry) evaluates at the account's own clock
     * @return for a null state, an outcome with a null state and nothing to emit
     */
    public Outcome onDeadline(final AccountState state, final ProfileFacts profile, final Instant at,
                              final Cohorts cohorts) {
        if (state == null) {
            return new Outcome(null, List.of(), Optional.empty(), OptionalLong.empty(), Outcome.Arrival.IN_ORDER);
        }
        state.fit(config);
        state.advanceTo(at.toEpochMilli());
        return evaluate(state, profile, cohorts, Outcome.Arrival.IN_ORDER, new ArrayList<>());
    }

    /**
     * The account's health as the engine scores it at the account's own clock with {@code profile}: the score,
     * band and components of its last evaluation (the score its last health update carried) unless the profile
     * or the configuration changed since. Read-only: {@code state} is not changed.
     *
     * @return empty while the account is churned or no component has data
     */
    public Optional<HealthScoreUpdate> currentHealth(final AccountState state, final ProfileFacts profile) {
        if (state.churned()) {
            return Optional.empty();
        }
        final Trends trends = Trends.of(state, state.clockMillis(), config);
        return Optional.ofNullable(scorer.score(state, state.clockMillis(), profile.segment(), trends))
                .map(health -> HealthScorer.toUpdate(state.accountId(), health, null, state.clockMillis(),
                        scoringVersion));
    }

    private AccountState prepare(final AccountState state, final String accountId, final long at) {
        if (state == null) {
            return AccountState.create(accountId, at, config);
        }
        state.fit(config);
        return state;
    }

    private Outcome evaluate(final AccountState s, final ProfileFacts profile, final Cohorts cohorts,
                             final Outcome.Arrival arrival, final List<ChurnRiskAlert> alerts) {
        final long now = s.clockMillis();
        cohorts.sync(s, profile, now);
        if (s.churned()) {
            return new Outcome(s, alerts, Optional.empty(), OptionalLong.empty(), arrival);
        }
        final Segment segment = profile.segment();
        final Trends trends = Trends.of(s, now, config);
        final HealthSnapshot health = scorer.score(s, now, segment, trends);
        if (health != null) {
            s.recordScore(health.score());
        }
        final Evaluation ev = new Evaluation(s, now, segment, profile.ownerId(), trends, health,
                cohorts.view(s.cohortKey(), now));
        long next = Long.MAX_VALUE;
        final List<RiskLifecycle.Reason> holding = new ArrayList<>();
        for (final SignalRule rule : rules) {
            if (grouped && !RiskConfig.BILLING_FACTS.contains(rule.signal())) {
                hold(rule, ev, holding);
            } else {
                next = earliestAfter(now, next, lifecycle.step(rule, ev, alerts));
            }
            next = earliestAfter(now, next, rule.nextChange(ev));
        }
        if (grouped) {
            next = earliestAfter(now, next, risk.step(ev, holding, alerts));
        }
        if (windowsWillRoll(ev)) {
            next = earliestAfter(now, next, Days.start(ev.day() + 1));
        }
        return new Outcome(s, alerts, healthUpdate(s, health, now),
                next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next), arrival);
    }

    /** Records whether the rule's signal holds (ACCOUNT grouping), and since when, adding it to {@code holding}. */
    private static void hold(final SignalRule rule, final Evaluation ev, final List<RiskLifecycle.Reason> holding) {
        final Map<ChurnSignal, Long> reasons = ev.state().reasons();
        final Long since = reasons.get(rule.signal());
        final Verdict verdict = rule.assess(ev, since != null);
        if (!verdict.active()) {
            reasons.remove(rule.signal());
            return;
        }
        final long from = since == null ? ev.now() : since;
        reasons.put(rule.signal(), from);
        holding.add(new RiskLifecycle.Reason(rule, from, verdict.severity()));
    }

    private Optional<HealthScoreUpdate> healthUpdate(final AccountState s, final HealthSnapshot health,
                                                     final long now) {
        if (health == null) {
            return Optional.empty();
        }
        final Integer previous = s.lastEmittedScore().isPresent() ? s.lastEmittedScore().getAsInt() : null;
        if (previous != null && previous == health.score()) {
            return Optional.empty();
        }
        s.emittedScore(health.score());
        return Optional.of(HealthScorer.toUpdate(s.accountId(), health, previous, now, scoringVersion));
    }

    /**
     * True while a day boundary can change a verdict or the score without new input: windowed counts that will
     * roll, a recency that still decays, features that will age out of the breadth window, or an open
     * HEALTH_DROP held open only by a high that will age out (in the AT_RISK/CRITICAL band only a score change,
     * which needs one of the other causes, can resolve it).
     */
    private boolean windowsWillRoll(final Evaluation ev) {
        final AccountState s = ev.state();
        final UsageFacts usage = s.usage();
        final Episode healthDrop = s.episodes().get(ChurnSignal.HEALTH_DROP);
        return !usage.logins().isEmpty() || !s.support().opened().isEmpty() || !s.support().urgent().isEmpty()
                || !s.support().requests().isEmpty()
                || usage.hasUsage() && ev.now() < Days.plus(usage.lastUsageAt(), config.silenceDays(ev.segment()))
                || usage.anyFeatureSince(ev.day() - config.breadthDays() + 1)
                || healthDrop != null && healthDrop.isOpen() && ev.health() != null
                        && (ev.health().band() == HealthBand.HEALTHY || ev.health().band() == HealthBand.NEUTRAL);
    }

    private static long earliestAfter(final long now, final long current, final long candidate) {
        return candidate > now && candidate < current ? candidate : current;
    }
}
