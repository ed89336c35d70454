package io.churnwatch.config;

import io.churnwatch.events.Segment;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Thresholds, windows and weights of the churn signals and the health score.
 *
 * <p>Declared in {@link #define(ConfigDef)} (type, default, range and documentation of every key) and read once
 * at construction into plain fields, because the engine reads them for every input record. Constraints between
 * keys (a resolve threshold beyond its open threshold, health weights with a positive sum) are checked at
 * construction and reported as a {@link ConfigException} naming the offending key. {@link ChurnConfig} merges
 * the definitions so that one configuration is validated as a whole.
 */
public final class SignalsConfig {

    public static final String GRACE = "window.grace";
    public static final String LOGIN_RECENT_DAYS = "login.decline.recent.days";
    public static final String LOGIN_BASELINE_DAYS = "login.decline.baseline.days";
    public static final String LOGIN_MIN_BASELINE = "login.decline.min.baseline.per.week";
    public static final String LOGIN_OPEN_RATIO = "login.decline.open.ratio";
    public static final String LOGIN_RESOLVE_RATIO = "login.decline.resolve.ratio";
    public static final String TICKET_RECENT_DAYS = "ticket.spike.recent.days";
    public static final String TICKET_BASELINE_DAYS = "ticket.spike.baseline.days";
    public static final String TICKET_MIN_COUNT = "ticket.spike.min.count";
    public static final String TICKET_RATIO = "ticket.spike.ratio";
    public static final String TICKET_RESOLVE_COUNT = "ticket.spike.resolve.count";
    public static final String TICKET_RESOLVE_RATIO = "ticket.spike.resolve.ratio";
    public static final String INTENT_RESOLVE_DAYS = "cancellation.intent.resolve.days";
    public static final String SILENCE_DAYS = "silence.days";
    public static final String SILENCE_DAYS_PREFIX = "silence.days.";
    public static final String PAYMENT_GRACE_DAYS = "payment.failure.grace.days";
    public static final String DOWNGRADE_RESOLVE_DAYS = "downgrade.resolve.days";
    public static final String COOLDOWN_DAYS = "alert.cooldown.days";
    public static final String HEALTH_DROP_POINTS = "health.drop.points";
    public static final String HEALTH_DROP_DAYS = "health.drop.days";
    public static final String HEALTH_DROP_BELOW = "health.drop.alert.below";
    public static final String WEIGHT_PREFIX = "health.weight.";
    public static final String BREADTH_DAYS = "health.breadth.days";
    public static final String SUPPORT_PENALTY_TICKET = "health.support.penalty.ticket";
    public static final String SUPPORT_PENALTY_URGENT = "health.support.penalty.urgent";
    public static final String SUPPORT_PENALTY_REQUEST = "health.support.penalty.request";
    public static final String BILLING_PENALTY_FAILED = "health.billing.penalty.payment.failed";
    public static final String BILLING_PENALTY_DOWNGRADE = "health.billing.penalty.downgrade";
    public static final String BILLING_PENALTY_CANCEL = "health.billing.penalty.cancellation.requested";
    public static final String SEVERITY_HIGH_MRR = "severity.high.mrr.cents";
    public static final String MAX_FEATURES = "features.max.tracked";

    /** Health components in their fixed order; {@code health.weight.<name>} holds each weight. */
    public static final String[] COMPONENTS = {"usage_trend", "recency", "breadth", "support", "billing"};
    private static final double[] DEFAULT_WEIGHTS = {30, 20, 15, 20, 15};

    /** LOGIN_DECLINE settings ({@code login.decline.*}). */
    public record LoginDecline(int recentDays, int baselineDays, double minBaselinePerWeek, double openRatio,
                               double resolveRatio) {
        /** Days of login history the windows need: one more than their length, as they slide within a day. */
        public int totalDays() {
            return recentDays + baselineDays + 1;
        }
    }

    /** TICKET_SPIKE settings ({@code ticket.spike.*}). */
    public record TicketSpike(int recentDays, int baselineDays, int minCount, double ratio, int resolveCount,
                              double resolveRatio) {
        /** Days of ticket history the windows need. */
        public int totalDays() {
            return recentDays + baselineDays;
        }
    }

    /** Points the support and billing health components lose per issue ({@code health.*.penalty.*}). */
    public record Penalties(double supportTicket, double supportUrgent, double supportRequest,
                            double billingPaymentFailed, double billingDowngrade,
                            double billingCancellationRequested) {
    }

    private final long graceMillis;
    private final LoginDecline loginDecline;
    private final TicketSpike ticketSpike;
    private final int intentResolveDays;
    private final int[] silenceDays = new int[Segment.values().length];
    private final int paymentGraceDays;
    private final int downgradeResolveDays;
    private final int cooldownDays;
    private final int healthDropPoints;
    private final int healthDropDays;
    private final int healthDropBelow;
    private final double[] weights = new double[COMPONENTS.length];
    private final int breadthDays;
    private final Penalties penalties;
    private final long severityHighMrrCents;
    private final int maxFeatures;
    private final RiskConfig risk;

    SignalsConfig(final AbstractConfig c) {
        graceMillis = c.getLong(GRACE);
        loginDecline = new LoginDecline(c.getInt(LOGIN_RECENT_DAYS), c.getInt(LOGIN_BASELINE_DAYS),
                c.getDouble(LOGIN_MIN_BASELINE), c.getDouble(LOGIN_OPEN_RATIO), c.getDouble(LOGIN_RESOLVE_RATIO));
        ticketSpike = new TicketSpike(c.getInt(TICKET_RECENT_DAYS), c.getInt(TICKET_BASELINE_DAYS),
                c.getInt(TICKET_MIN_COUNT), c.getDouble(TICKET_RATIO), c.getInt(TICKET_RESOLVE_COUNT),
                c.getDouble(TICKET_RESOLVE_RATIO));
        intentResolveDays = c.getInt(INTENT_RESOLVE_DAYS);
        final int defaultSilence = c.getInt(SILENCE_DAYS);
        for (final Segment segment : Segment.values()) {
            final int override = c.getInt(silenceKey(segment));
            silenceDays[segment.ordinal()] = override > 0 ? override : defaultSilence;
        }
        paymentGraceDays = c.getInt(PAYMENT_GRACE_DAYS);
        downgradeResolveDays = c.getInt(DOWNGRADE_RESOLVE_DAYS);
        cooldownDays = c.getInt(COOLDOWN_DAYS);
        healthDropPoints = c.getInt(HEALTH_DROP_POINTS);
        healthDropDays = c.getInt(HEALTH_DROP_DAYS);
        healthDropBelow = c.getInt(HEALTH_DROP_BELOW);
        for (int i = 0; i < COMPONENTS.length; i++) {
            weights[i] = c.getDouble(WEIGHT_PREFIX + COMPONENTS[i]);
        }
        breadthDays = c.getInt(BREADTH_DAYS);
        penalties = new Penalties(c.getDouble(SUPPORT_PENALTY_TICKET), c.getDouble(SUPPORT_PENALTY_URGENT),
                c.getDouble(SUPPORT_PENALTY_REQUEST), c.getDouble(BILLING_PENALTY_FAILED),
                c.getDouble(BILLING_PENALTY_DOWNGRADE), c.getDouble(BILLING_PENALTY_CANCEL));
        severityHighMrrCents = c.getLong(SEVERITY_HIGH_MRR);
        maxFeatures = c.getInt(MAX_FEATURES);
        risk = RiskConfig.of(c);
        validateAcrossKeys();
    }

    /** Parses and validates signal settings alone (keys not declared here are ignored). */
    public static SignalsConfig of(final Map<String, ?> originals) {
        return new SignalsConfig(new AbstractConfig(define(new ConfigDef()), originals, false));
    }

    /** The signal settings with every default. */
    public static SignalsConfig defaults() {
        return of(Map.of());
    }

    static ConfigDef define(final ConfigDef def) {
        def.define(GRACE, Type.LONG, Duration.ofDays(1).toMillis(), Range.atLeast(0), Importance.MEDIUM,
                "How late (ms of event time) a record may arrive and still count in its window.");
        integer(def, LOGIN_RECENT_DAYS, 7, 1, 56, "Days of the recent login window of LOGIN_DECLINE (ending today).");
        integer(def, LOGIN_BASELINE_DAYS, 28, 7, 182, "Days of the login baseline window before the recent window.");
        real(def, LOGIN_MIN_BASELINE, 5.0, 0, 1e9, "Minimum baseline logins per week before LOGIN_DECLINE can open.");
        real(def, LOGIN_OPEN_RATIO, 0.5, 0, 1, "LOGIN_DECLINE opens when recent logins/week <= this x baseline.");
        real(def, LOGIN_RESOLVE_RATIO, 0.75, 0, 10,
                "LOGIN_DECLINE resolves when recent logins/week >= this x baseline (must exceed the open ratio).");
        integer(def, TICKET_RECENT_DAYS, 7, 1, 56, "Days of the recent ticket window of TICKET_SPIKE (ending today).");
        integer(def, TICKET_BASELINE_DAYS, 28, 7, 182, "Days of the ticket baseline window before the recent window.");
        integer(def, TICKET_MIN_COUNT, 3, 1, 1_000_000,
                "Opened/reopened tickets in the recent window needed to open TICKET_SPIKE.");
        real(def, TICKET_RATIO, 3.0, 0, 1e6,
                "TICKET_SPIKE opens when recent tickets/week >= this x weekly baseline (no baseline: count alone).");
        integer(def, TICKET_RESOLVE_COUNT, 2, 1, 1_000_000,
                "An open TICKET_SPIKE stays open while recent tickets >= this (at most the min count).");
        real(def, TICKET_RESOLVE_RATIO, 2.0, 0, 1e6,
                "An open TICKET_SPIKE stays open while recent/baseline >= this (at most the open ratio).");
        integer(def, INTENT_RESOLVE_DAYS, 30, 1, 365,
                "CANCELLATION_INTENT resolves after this many days without another cancellation-intent ticket.");
        integer(def, SILENCE_DAYS, 14, 1, 365, "Days without any usage after which SILENCE opens.");
        for (final Segment segment : Segment.values()) {
            integer(def, silenceKey(segment), 0, 0, 365,
                    "SILENCE days for " + segment + " accounts; 0 means use " + SILENCE_DAYS + ".");
        }
        integer(def, PAYMENT_GRACE_DAYS, 3, 0, 60,
                "Days a failed payment may stay without a later PAYMENT_SUCCEEDED before PAYMENT_FAILED opens.");
        integer(def, DOWNGRADE_RESOLVE_DAYS, 28, 1, 365,
                "DOWNGRADE resolves this many days after the downgrade (or at once on a later UPGRADED).");
        integer(def, COOLDOWN_DAYS, 7, 0, 365,
                "After an alert resolves, the same signal cannot reopen for this many days.");
        integer(def, HEALTH_DROP_POINTS, 20, 1, 100,
                "HEALTH_DROP opens when the score falls this many points below its max of the drop window.");
        integer(def, HEALTH_DROP_DAYS, 14, 1, 90, "Days of the window whose max score a HEALTH_DROP is measured from.");
        integer(def, HEALTH_DROP_BELOW, 70, 1, 101, "A drop opens HEALTH_DROP only if it leaves the score below this "
                + "(70: a drop within the HEALTHY band is noise to a CSM; 101: every drop).");
        for (int i = 0; i < COMPONENTS.length; i++) {
            real(def, WEIGHT_PREFIX + COMPONENTS[i], DEFAULT_WEIGHTS[i], 0, 1e6, "Relative weight of the "
                    + COMPONENTS[i] + " health component (weights of components without data are redistributed).");
        }
        integer(def, BREADTH_DAYS, 28, 1, 365, "Days in which distinct features count for the breadth component.");
        real(def, SUPPORT_PENALTY_TICKET, 15, 0, 100,
                "Support score points lost per recent ticket above the weekly baseline.");
        real(def, SUPPORT_PENALTY_URGENT, 10, 0, 100, "Support score points lost per recent HIGH/URGENT ticket.");
        real(def, SUPPORT_PENALTY_REQUEST, 10, 0, 100,
                "Support score points lost per recent feature or discount request ticket.");
        real(def, BILLING_PENALTY_FAILED, 50, 0, 100, "Billing score points lost while a payment failure is unpaid.");
        real(def, BILLING_PENALTY_DOWNGRADE, 30, 0, 100, "Billing score points lost while a downgrade is recent.");
        real(def, BILLING_PENALTY_CANCEL, 100, 0, 100,
                "Billing score points lost while a cancellation request is pending.");
        def.define(SEVERITY_HIGH_MRR, Type.LONG, 100_000L, Range.atLeast(0), Importance.MEDIUM,
                "MRR (cents) from which an alert's severity is raised by one level.");
        def.define(MAX_FEATURES, Type.INT, 64, Range.between(1, 1024), Importance.LOW,
                "Distinct features tracked per account for breadth (the least recently used is evicted).");
        return RiskConfig.define(def);
    }

    private static void integer(final ConfigDef def, final String key, final int dflt, final int min, final int max,
                             final String doc) {
        def.define(key, Type.INT, dflt, Range.between(min, max), Importance.MEDIUM, doc);
    }

    private static void real(final ConfigDef def, final String key, final double dflt, final double min,
                             final double max, final String doc) {
        def.define(key, Type.DOUBLE, dflt, Range.between(min, max), Importance.MEDIUM, doc);
    }

    private static String silenceKey(final Segment segment) {
        return SILENCE_DAYS_PREFIX + segment.name().toLowerCase(Locale.ROOT);
    }

    private void validateAcrossKeys() {
        if (loginDecline.resolveRatio() <= loginDecline.openRatio()) {
            throw new ConfigException(LOGIN_RESOLVE_RATIO, loginDecline.resolveRatio(),
                    "must be greater than " + LOGIN_OPEN_RATIO + " (" + loginDecline.openRatio() + ")");
        }
        if (ticketSpike.resolveCount() > ticketSpike.minCount()) {
            throw new ConfigException(TICKET_RESOLVE_COUNT, ticketSpike.resolveCount(),
                    "must not exceed " + TICKET_MIN_COUNT + " (" + ticketSpike.minCount() + ")");
        }
        if (ticketSpike.resolveRatio() > ticketSpike.ratio()) {
            throw new ConfigException(TICKET_RESOLVE_RATIO, ticketSpike.resolveRatio(),
                    "must not exceed " + TICKET_RATIO + " (" + ticketSpike.ratio() + ")");
        }
        double sum = 0;
        for (final double weight : weights) {
            sum += weight;
        }
        if (sum <= 0) {
            throw new ConfigException(WEIGHT_PREFIX + COMPONENTS[0], weights[0],
                    "the weights " + WEIGHT_PREFIX + "* must have a positive sum");
        }
    }

    public Duration grace() {
        return Duration.ofMillis(graceMillis);
    }

    public long graceMillis() {
        return graceMillis;
    }

    public LoginDecline loginDecline() {
        return loginDecline;
    }

    public TicketSpike ticketSpike() {
        return ticketSpike;
    }

    public Penalties penalties() {
        return penalties;
    }

    public int intentResolveDays() {
        return intentResolveDays;
    }

    /** SILENCE days of a segment: its override, or {@code silence.days}. */
    public int silenceDays(final Segment segment) {
        return silenceDays[segment.ordinal()];
    }

    public int paymentGraceDays() {
        return paymentGraceDays;
    }

    public int downgradeResolveDays() {
        return downgradeResolveDays;
    }

    public int cooldownDays() {
        return cooldownDays;
    }

    public int healthDropPoints() {
        return healthDropPoints;
    }

    public int healthDropDays() {
        return healthDropDays;
    }

    public int healthDropAlertBelow() {
        return healthDropBelow;
    }

    /** Configured (not yet normalised) weight of the component at {@code index} of {@link #COMPONENTS}. */
    public double weight(final int index) {
        return weights[index];
    }

    public int breadthDays() {
        return breadthDays;
    }

    public long severityHighMrrCents() {
        return severityHighMrrCents;
    }

    public int maxFeatures() {
        return maxFeatures;
    }

    /** Cohort and CHURN_RISK episode settings. */
    public RiskConfig risk() {
        return risk;
    }
}
