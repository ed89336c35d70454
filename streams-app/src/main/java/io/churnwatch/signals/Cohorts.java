package io.churnwatch.signals;

import io.churnwatch.config.RiskConfig;
import io.churnwatch.config.SignalsConfig;
import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The cohorts of the accounts one stream task owns, each a {@link CohortRecency}: what COHORT_LAG judges an
 * account against. An account is a member of its cohort ({@code cohort.by}: its segment and renewal month, its
 * segment, or one cohort for all)
 * from its first usage until it cancels, counted at the day of its last usage; {@link AccountEngine} keeps the
 * membership in step with the account's state ({@link #sync}).
 *
 * <p>The accounts are those of one task, a hash sample of all accounts: with the default 6 partitions, each
 * holds a sixth of them, so a cohort's mean is that of a few hundred accounts for a few thousand in all. Results
 * depend on the input and the partition count, not on timing ({@link CohortRecency} freezes each day's mean).
 *
 * <p>Mutable and not thread-safe: one instance per task. The processor persists the cohorts it changed
 * ({@link #drainChanged}) with {@link #toBytes}.
 */
public final class Cohorts {

    private final RiskConfig risk;
    private final int graceDays;
    private final Map<String, CohortRecency> cohorts = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    public Cohorts(final SignalsConfig config) {
        this.risk = config.risk();
        this.graceDays = (int) Math.ceil((double) config.graceMillis() / Days.MILLIS);
    }

    /** The figures an evaluation at {@code now} uses: the cohort's last day whose mean is final by then. */
    CohortRecency.Day view(final String key, final long now) {
        if (key == null) {
            return null;
        }
        final CohortRecency cohort = cohorts.get(key);
        if (cohort == null) {
            return null;
        }
        final long day = Days.of(now);
        touch(key, cohort, day);
        final CohortRecency.Day frozen = cohort.frozen(day - 1 - graceDays);
        return frozen == null || frozen.members() < risk.minMembers() ? null : frozen;
    }

    /** The cohort an account with {@code profile} belongs to (an unknown account is LOW_TOUCH, as elsewhere). */
    String keyOf(final ProfileFacts profile) {
        if (risk.cohortBy() == RiskConfig.CohortBy.NONE) {
            return "all";
        }
        final String key = "segment:" + profile.segment().name();
        if (risk.cohortBy() == RiskConfig.CohortBy.SEGMENT_RENEWAL && profile.renewalAt() != null) {
            return key + "/renewal:" + YearMonth.from(profile.renewalAt().atOffset(ZoneOffset.UTC));
        }
        return key;
    }

    /**
     * Moves the account's membership to where its state says it belongs at {@code now}: in the cohort of its
     * profile at the day of its last usage, or in none before its first usage and while it is churned.
     */
    void sync(final AccountState state, final ProfileFacts profile, final long now) {
        final boolean member = state.usage().hasUsage() && !state.churned();
        final String key = member ? keyOf(profile) : null;
        final long day = member ? Days.of(state.usage().lastUsageAt()) : Days.NONE;
        final String was = state.cohortKey();
        if (was != null && (!was.equals(key) || state.cohortDay() != day)) {
            cohort(was, now).remove(state.cohortDay());
        }
        if (key != null && (!key.equals(was) || state.cohortDay() != day)) {
            cohort(key, now).add(day);
        }
        state.cohort(key, day);
    }

    private CohortRecency cohort(final String key, final long now) {
        final CohortRecency cohort = cohorts.computeIfAbsent(key, k -> new CohortRecency(risk.recencyCapDays()));
        touch(key, cohort, Days.of(now));
        changed.add(key);
        return cohort;
    }

    private void touch(final String key, final CohortRecency cohort, final long day) {
        if (cohort.touch(day, graceDays)) {
            changed.add(key);
        }
    }

    /** The keys of the cohorts changed since the last call, to persist. */
    public Set<String> drainChanged() {
        if (changed.isEmpty()) {
            return Set.of();
        }
        final Set<String> keys = Set.copyOf(changed);
        changed.clear();
        return keys;
    }

    public byte[] toBytes(final String key) {
        final StateWriter out = new StateWriter(1024);
        out.writeByte((byte) 1);
        cohorts.get(key).write(out);
        return out.toByteArray();
    }

    /** Restores a cohort persisted with {@link #toBytes}. */
    public void restore(final String key, final byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != 1) {
            throw new SerializationException("unknown cohort format version for " + key);
        }
        final StateReader in = new StateReader(bytes, 1, 1);
        final CohortRecency cohort;
        try {
            cohort = CohortRecency.read(in, risk.recencyCapDays());
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("corrupt cohort " + key + ": " + e.getMessage(), e);
        }
        if (!in.isEnd()) {
            throw new SerializationException("trailing bytes after cohort " + key);
        }
        cohorts.put(key, cohort);
    }
}
