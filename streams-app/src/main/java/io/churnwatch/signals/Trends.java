package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;

/**
 * An account's login and ticket windows at one evaluation time, computed once per evaluation and shared by the
 * health score (usage_trend, support) and the rules that watch the same windows (LOGIN_DECLINE, TICKET_SPIKE).
 *
 * @param logins the login windows, sliding with the clock
 * @param tickets the opened-ticket windows, in whole days
 */
record Trends(Trend logins, Trend tickets) {

    static Trends of(final AccountState state, final long now, final SignalsConfig config) {
        final SignalsConfig.LoginDecline login = config.loginDecline();
        final SignalsConfig.TicketSpike spike = config.ticketSpike();
        return new Trends(Trend.sliding(state.usage().logins(), now, login.recentDays(), login.baselineDays()),
                Trend.of(state.support().opened(), Days.of(now), spike.recentDays(), spike.baselineDays()));
    }
}
