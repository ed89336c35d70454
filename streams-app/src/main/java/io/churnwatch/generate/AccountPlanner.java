package io.churnwatch.generate;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Draws each account's profile, plan, usage habits and behaviour.
 *
 * <p>Segments: ~10% HIGH_TOUCH (4-10 users, enterprise plans, a CSM owns ~25 accounts), ~30% LOW_TOUCH (2-6
 * users, business plans, a CSM owns ~150 accounts), ~60% TECH_TOUCH (1-3 users, self-serve plans, no owner).
 * Every account signs up in the first hour of the history. Accounts whose archetype is a login decline get at
 * least three users, two of them habitual, so that their weekly login baseline is well above the signal's
 * minimum.
 */
final class AccountPlanner {

    private static final int HIGH_TOUCH_PER_OWNER = 25;
    private static final int LOW_TOUCH_PER_OWNER = 150;
    private static final double HABITUAL_SHARE = 0.8;

    private final GeneratorOptions options;
    private final BehaviourPlanner behaviours;
    private final String idFormat;
    private final int highTouchOwners;
    private final int lowTouchOwners;

    AccountPlanner(final GeneratorOptions options) {
        this.options = options;
        this.behaviours = new BehaviourPlanner(options);
        this.idFormat = "acct-%0" + Math.max(5, Integer.toString(options.accounts()).length()) + "d";
        this.highTouchOwners = Math.max(1, Math.round(options.accounts() * 0.10f / HIGH_TOUCH_PER_OWNER));
        this.lowTouchOwners = Math.max(1, Math.round(options.accounts() * 0.30f / LOW_TOUCH_PER_OWNER));
    }

    AccountPlan plan(final int index) {
        final RandomGenerator rng = Seeds.rng(options.seed(), index, Seeds.Stream.PROFILE);
        final String accountId = String.format(Locale.ROOT, idFormat, index + 1);
        final Segment segment = Catalog.SEGMENTS.pick(rng);
        final Catalog.Region region = Catalog.REGIONS.pick(rng);
        final Instant signedUpAt = options.start().plusSeconds(rng.nextLong(Duration.ofHours(1).toSeconds()));
        final AccountProfile profile = new AccountProfile(accountId, companyName(rng), segment, owner(segment, rng),
                signedUpAt, contractEnd(segment, signedUpAt), region.zone());
        final Behaviour behaviour = behaviours.plan(Seeds.rng(options.seed(), index, Seeds.Stream.BEHAVIOUR),
                signedUpAt);
        final String plan;
        final long mrrUnits;
        final int users;
        final double ticketsPerWorkday;
        switch (segment) {
            case HIGH_TOUCH -> {
                plan = "enterprise";
                mrrUnits = Draws.between(rng, 200, 1200) * 10L;
                users = Draws.between(rng, 4, 10);
                ticketsPerWorkday = 0.045;
            }
            case LOW_TOUCH -> {
                plan = "business";
                mrrUnits = Draws.between(rng, 30, 150) * 10L;
                users = Draws.between(rng, 2, 6);
                ticketsPerWorkday = 0.025;
            }
            default -> {
                final boolean team = Draws.chance(rng, 0.4);
                plan = team ? "team" : "starter";
                mrrUnits = team ? Draws.between(rng, 10, 20) * 10L : Draws.between(rng, 3, 5) * 10L - 1;
                users = Draws.between(rng, 1, 3);
                ticketsPerWorkday = 0.012;
            }
        }
        return new AccountPlan(index, profile, ZoneId.of(region.zone()), region.currency(), plan, mrrUnits * 100,
                behaviour.needsLoginBaseline() ? loginProbabilities(rng, Math.max(users, 3), 2)
                        : loginProbabilities(rng, users, 1),
                adoptedFeatures(rng), Draws.uniform(rng, 0.3, 0.8),
                ticketsPerWorkday * Draws.uniform(rng, 0.5, 1.5), behaviour);
    }

    /**
     * Per user, the chance of logging in on a working day. Most users are habitual (they log in on most working
     * days), some are occasional. The first {@code habitualUsers} users are always habitual: a lone user, so a
     * healthy small account rarely looks silent by chance, and two users of an account built to decline, so
     * its baseline stays well above the signal's minimum.
     */
    private static double[] loginProbabilities(final RandomGenerator rng, final int users, final int habitualUsers) {
        final double[] probabilities = new double[users];
        for (int i = 0; i < users; i++) {
            final boolean habitual = i < habitualUsers || Draws.chance(rng, HABITUAL_SHARE);
            probabilities[i] = habitual ? Draws.uniform(rng, 0.8, 0.95) : Draws.uniform(rng, 0.2, 0.5);
        }
        return probabilities;
    }

    private static List<String> adoptedFeatures(final RandomGenerator rng) {
        final List<String> features = new ArrayList<>(Catalog.FEATURES);
        final int adopted = Draws.between(rng, 3, 7);
        for (int i = 0; i < adopted; i++) {
            Collections.swap(features, i, i + rng.nextInt(features.size() - i));
        }
        return List.copyOf(features.subList(0, adopted));
    }

    private static String companyName(final RandomGenerator rng) {
        return pick(Catalog.NAME_STEMS, rng) + " " + pick(Catalog.NAME_TRADES, rng) + " "
                + pick(Catalog.NAME_FORMS, rng);
    }

    /**
     * A CSM from the segment's pool. The index comes from exactly one draw whatever the pool size, so that an
     * account's later draws, and so its events, do not depend on how many accounts are generated.
     */
    private String owner(final Segment segment, final RandomGenerator rng) {
        final double u = rng.nextDouble();
        return switch (segment) {
            case HIGH_TOUCH -> String.format(Locale.ROOT, "csm-%02d", 1 + (int) (u * highTouchOwners));
            case LOW_TOUCH -> String.format(Locale.ROOT, "csm-%02d",
                    1 + highTouchOwners + (int) (u * lowTouchOwners));
            case TECH_TOUCH -> null;
        };
    }

    /** High- and low-touch accounts sign annual contracts; tech-touch ones renew month to month. */
    private static Instant contractEnd(final Segment segment, final Instant signedUpAt) {
        return segment == Segment.TECH_TOUCH ? null : signedUpAt.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    }

    private static <T> T pick(final List<T> values, final RandomGenerator rng) {
        return values.get(rng.nextInt(values.size()));
    }
}
