package io.churnwatch.http;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.Segment;
import io.churnwatch.signals.AccountState;
import io.churnwatch.signals.HealthComponent;
import io.churnwatch.signals.HealthScoreUpdate;
import java.util.List;
import java.util.Optional;

/**
 * The JSON bodies of the account endpoints (Jackson writes these records as they are). Times are ISO-8601
 * instants; an unknown account profile reads as LOW_TOUCH without owner, as the pipeline reads it.
 */
final class AccountViews {

    private AccountViews() {
    }

    /**
     * {@code GET /accounts/{id}/health}.
     *
     * @param score      0-100, the score of the account's last health update; null while churned or unscored
     * @param asOf       the account's event-time clock, at which the score was computed
     * @param servedBy   {@code application.server} of the instance that owns the account
     */
    record Health(String accountId, Integer score, String band, List<Component> components, String topDriver,
                  String asOf, String segment, String ownerId, boolean churned, List<Alert> openAlerts,
                  String scoringVersion, String servedBy) {

        static Health of(final AccountState state, final Optional<HealthScoreUpdate> health,
                         final AccountProfile profile, final String servedBy) {
            return new Health(state.accountId(),
                    health.map(HealthScoreUpdate::getScore).orElse(null),
                    health.map(h -> h.getBand().name()).orElse(null),
                    health.map(h -> h.getComponents().stream().map(Component::of).toList()).orElse(List.of()),
                    health.map(HealthScoreUpdate::getTopDriver).orElse(null),
                    state.clock().toString(), segmentOf(profile).name(), ownerOf(profile), state.churned(),
                    state.openAlerts().stream().map(Alert::of).toList(),
                    health.map(HealthScoreUpdate::getScoringVersion).orElse(null), servedBy);
        }
    }

    /** One health component: its 0-100 score, effective weight, points (score x weight) and detail line. */
    record Component(String name, double score, double weight, double points, String detail) {

        static Component of(final HealthComponent c) {
            return new Component(c.getName(), c.getScore(), c.getWeight(), c.getPoints(), c.getDetail());
        }
    }

    /** An open alert: the id its OPEN record carried, its signal and highest severity, when it opened. */
    record Alert(String alertId, String signal, String severity, String openedAt) {

        static Alert of(final AccountState.OpenAlert alert) {
            return new Alert(alert.alertId(), alert.signal().name(), alert.severity().name(),
                    alert.openedAt().toString());
        }
    }

    /** One row of {@code GET /accounts/at-risk}. */
    record AtRisk(String accountId, int score, String band, String segment, String ownerId, String asOf,
                  List<String> openSignals) {

        static AtRisk of(final AccountState state, final int score, final AccountProfile profile) {
            return new AtRisk(state.accountId(), score, state.lastEmittedBand().map(Enum::name).orElse(null),
                    segmentOf(profile).name(), ownerOf(profile), state.clock().toString(),
                    state.openAlerts().stream().map(a -> a.signal().name()).toList());
        }
    }

    /** {@code GET /accounts/at-risk}: the rows, lowest score first, and which instance answered. */
    record AtRiskList(String servedBy, String scope, int limit, String segment, List<AtRisk> accounts) {
    }

    static Segment segmentOf(final AccountProfile profile) {
        return profile == null || profile.getSegment() == null ? Segment.LOW_TOUCH : profile.getSegment();
    }

    private static String ownerOf(final AccountProfile profile) {
        return profile == null ? null : profile.getOwnerId();
    }
}
