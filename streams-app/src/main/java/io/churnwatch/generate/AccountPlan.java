package io.churnwatch.generate;

import io.churnwatch.events.AccountProfile;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything decided about one account before its events are simulated.
 *
 * @param index 0-based index of the account, which selects its random streams
 * @param profile the account's profile as published on the accounts topic
 * @param zone the account's time zone: its users work local business hours
 * @param currency currency of its billing events
 * @param plan name of its subscription plan at the start
 * @param mrrCents its monthly recurring revenue at the start
 * @param loginProbability per user, the chance of logging in on a working day
 * @param features the product features the account uses
 * @param activitiesPerLogin mean number of activity events after a login
 * @param ticketsPerWorkday mean number of everyday tickets opened per working day
 * @param behaviour the account's archetype and its timing
 */
record AccountPlan(int index, AccountProfile profile, ZoneId zone, String currency, String plan, long mrrCents,
                   double[] loginProbability, List<String> features, double activitiesPerLogin,
                   double ticketsPerWorkday, Behaviour behaviour) {

    String accountId() {
        return profile.getAccountId();
    }

    GroundTruth truth() {
        return behaviour.truth(accountId(), profile.getSegment());
    }
}
