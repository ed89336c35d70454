package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything churnwatch remembers about one account, bounded in size whatever the account's traffic: its
 * event-time clock, the usage/support/billing facts, a daily maximum of its health score (for HEALTH_DROP),
 * the last emitted score, its alert episodes (only non-idle ones, in {@link ChurnSignal} order), and, for the
 * ACCOUNT grouping of alerts, the behavioural signals that hold now (each with the time it started to hold),
 * its CHURN_RISK episode and the cohort it is counted in ({@link Cohorts}).
 *
 * <p>Mutable: {@link AccountEngine} updates the instance it is given and returns it in its {@code Outcome}.
 * Rings are sized from the {@link SignalsConfig} and re-sized when a state written under other settings is read.
 * Encoded by {@link AccountStateSerde}.
 */
public final class AccountState {

    private final String accountId;
    private long clock;
    private final UsageFacts usage;
    private final SupportFacts support;
    private final BillingFacts billing;
    private DailyCounts healthMax;
    private int lastEmittedScore;
    private final EnumMap<ChurnSignal, Episode> episodes;
    private final EnumMap<ChurnSignal, Long> reasons;
    private RiskEpisode risk;
    /** The cohort the account is counted in (null: none) and the last-usage day it is counted at. */
    private String cohortKey;
    private long cohortDay;

    private AccountState(final String accountId, final long clock, final UsageFacts usage,
                         final SupportFacts support, final BillingFacts billing, final DailyCounts healthMax,
                         final int lastEmittedScore, final EnumMap<ChurnSignal, Episode> episodes,
                         final EnumMap<ChurnSignal, Long> reasons, final RiskEpisode risk, final String cohortKey,
                         final long cohortDay) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.clock = clock;
        this.usage = usage;
        this.support = support;
        this.billing = billing;
        this.healthMax = healthMax;
        this.lastEmittedScore = lastEmittedScore;
        this.episodes = episodes;
        this.reasons = reasons;
        this.risk = risk;
        this.cohortKey = cohortKey;
        this.cohortDay = cohortDay;
    }

    static AccountState create(final String accountId, final long clock, final SignalsConfig config) {
        final long day = Days.of(clock);
        return new AccountState(accountId, clock,
                UsageFacts.empty(config.loginDecline().totalDays(), day),
                SupportFacts.empty(config.ticketSpike().totalDays(), day),
                BillingFacts.empty(), new DailyCounts(config.healthDropDays(), day), -1,
                new EnumMap<>(ChurnSignal.class), new EnumMap<>(ChurnSignal.class), RiskEpisode.idle(), null,
                Days.NONE);
    }

    public String accountId() {
        return accountId;
    }

    /** The account's event-time clock: the latest event time or deadline it was evaluated at. */
    public Instant clock() {
        return Instant.ofEpochMilli(clock);
    }

    /** True from a CANCELLED until a later SUBSCRIPTION_STARTED: no alerts or health updates meanwhile. */
    public boolean churned() {
        return billing.churned();
    }

    /** The last health score emitted for the account, if any. */
    public OptionalInt lastEmittedScore() {
        return lastEmittedScore < 0 ? OptionalInt.empty() : OptionalInt.of(lastEmittedScore);
    }

    /** Band of the last health score emitted for the account, if any. */
    public Optional<HealthBand> lastEmittedBand() {
        return lastEmittedScore < 0 ? Optional.empty() : Optional.of(HealthSnapshot.bandOf(lastEmittedScore));
    }

    /** The alert episodes currently OPEN, in {@link ChurnSignal} order: what a CRM sees as open alerts. */
    public List<OpenAlert> openAlerts() {
        final List<OpenAlert> open = new ArrayList<>();
        episodes.forEach((signal, episode) -> {
            if (episode.isOpen()) {
                open.add(new OpenAlert(episode.alertId(accountId, signal), signal, episode.severity(),
                        Instant.ofEpochMilli(episode.openedAt())));
            }
        });
        if (risk.isOpen()) {
            open.add(new OpenAlert(AlertIds.of(accountId, ChurnSignal.CHURN_RISK, risk.openedAt()),
                    ChurnSignal.CHURN_RISK, risk.severity(), Instant.ofEpochMilli(risk.openedAt())));
        }
        return open;
    }

    /**
     * An open alert as the account's state knows it.
     *
     * @param alertId  the id its OPEN record carried
     * @param severity the highest severity reported in the episode
     * @param openedAt event time the episode opened at
     */
    public record OpenAlert(String alertId, ChurnSignal signal, Severity severity, Instant openedAt) {
    }

    long clockMillis() {
        return clock;
    }

    UsageFacts usage() {
        return usage;
    }

    SupportFacts support() {
        return support;
    }

    BillingFacts billing() {
        return billing;
    }

    Map<ChurnSignal, Episode> episodes() {
        return episodes;
    }

    /** Behavioural signals that hold now (ACCOUNT grouping), with the event time each started to hold. */
    Map<ChurnSignal, Long> reasons() {
        return reasons;
    }

    RiskEpisode risk() {
        return risk;
    }

    /** Forgets the CHURN_RISK episode and the reasons (the account cancelled). */
    void clearRisk() {
        risk = RiskEpisode.idle();
        reasons.clear();
    }

    String cohortKey() {
        return cohortKey;
    }

    long cohortDay() {
        return cohortDay;
    }

    void cohort(final String key, final long day) {
        cohortKey = key;
        cohortDay = day;
    }

    void emittedScore(final int score) {
        lastEmittedScore = score;
    }

    /** Remembers a computed score in today's slot of the health ring. */
    void recordScore(final int score) {
        healthMax.raise(Days.of(clock), score + 1);
    }

    /** Forgets the score history, so that a returning account is not measured against its pre-churn scores. */
    void clearHealthHistory() {
        healthMax = new DailyCounts(healthMax.size(), healthMax.headDay());
    }

    /** Highest score computed over the last {@code days} days including today, -1 if none. */
    int maxRecentScore(final int days) {
        final long today = Days.of(clock);
        return healthMax.max(today - days + 1, today + 1) - 1;
    }

    /** How a record at {@code millis} stands to the clock, given the grace period. */
    Outcome.Arrival arrival(final long millis, final long graceMillis) {
        if (millis >= clock) {
            return Outcome.Arrival.IN_ORDER;
        }
        return millis < clock - graceMillis ? Outcome.Arrival.LATE : Outcome.Arrival.BEHIND_CLOCK;
    }

    /** Moves the clock forward to {@code millis} (never back) and rolls every ring to the clock's day. */
    void advanceTo(final long millis) {
        clock = Math.max(clock, millis);
        final long day = Days.of(clock);
        usage.rollTo(day);
        support.rollTo(day);
        healthMax.rollTo(day);
    }

    /** Re-sizes the rings to the configured windows (a no-op unless the settings changed). */
    void fit(final SignalsConfig config) {
        usage.fit(config.loginDecline().totalDays());
        support.fit(config.ticketSpike().totalDays());
        healthMax = healthMax.resized(config.healthDropDays());
    }

    void write(final StateWriter out) {
        out.writeString(accountId);
        out.writeLong(clock);
        usage.write(out);
        support.write(out);
        billing.write(out);
        healthMax.write(out);
        out.writeInt(lastEmittedScore);
        out.writeInt(episodes.size());
        for (final Map.Entry<ChurnSignal, Episode> e : episodes.entrySet()) {
            out.writeString(e.getKey().name());
            e.getValue().write(out);
        }
        out.writeInt(reasons.size());
        for (final Map.Entry<ChurnSignal, Long> e : reasons.entrySet()) {
            out.writeString(e.getKey().name());
            out.writeLong(e.getValue());
        }
        risk.write(out);
        out.writeBoolean(cohortKey != null);
        if (cohortKey != null) {
            out.writeString(cohortKey);
            out.writeLong(cohortDay);
        }
    }

    static AccountState read(final StateReader in) throws IOException {
        final String accountId = in.readString();
        final long clock = in.readLong();
        final UsageFacts usage = UsageFacts.read(in);
        final SupportFacts support = SupportFacts.read(in);
        final BillingFacts billing = BillingFacts.read(in);
        final DailyCounts healthMax = DailyCounts.read(in);
        final int lastEmittedScore = in.readInt();
        final int n = in.readInt();
        if (n < 0 || n > ChurnSignal.values().length) {
            throw new IOException("episode count out of range: " + n);
        }
        final EnumMap<ChurnSignal, Episode> episodes = new EnumMap<>(ChurnSignal.class);
        for (int i = 0; i < n; i++) {
            episodes.put(ChurnSignal.valueOf(in.readString()), Episode.read(in));
        }
        final EnumMap<ChurnSignal, Long> reasons = new EnumMap<>(ChurnSignal.class);
        if (in.version() < 3) {
            return new AccountState(accountId, clock, usage, support, billing, healthMax, lastEmittedScore,
                    episodes, reasons, RiskEpisode.idle(), null, Days.NONE);
        }
        final int r = in.readInt();
        if (r < 0 || r > ChurnSignal.values().length) {
            throw new IOException("reason count out of range: " + r);
        }
        for (int i = 0; i < r; i++) {
            reasons.put(ChurnSignal.valueOf(in.readString()), in.readLong());
        }
        final RiskEpisode risk = RiskEpisode.read(in);
        final boolean counted = in.readBoolean();
        final String cohortKey = counted ? in.readString() : null;
        final long cohortDay = counted ? in.readLong() : Days.NONE;
        return new AccountState(accountId, clock, usage, support, billing, healthMax, lastEmittedScore, episodes,
                reasons, risk, cohortKey, cohortDay);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof AccountState s && s.accountId.equals(accountId) && s.clock == clock
                && s.usage.equals(usage) && s.support.equals(support) && s.billing.equals(billing)
                && s.healthMax.equals(healthMax) && s.lastEmittedScore == lastEmittedScore
                && s.episodes.equals(episodes) && s.reasons.equals(reasons) && s.risk.equals(risk)
                && Objects.equals(s.cohortKey, cohortKey) && s.cohortDay == cohortDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, clock, usage, support, billing, healthMax, lastEmittedScore, episodes);
    }

    @Override
    public String toString() {
        return "AccountState[" + accountId + " @" + clock() + ", episodes=" + episodes.keySet() + "]";
    }
}
