package io.churnwatch.config;

import io.churnwatch.signals.ChurnSignal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * How signals become alerts: the cohort an account is compared with (COHORT_LAG), and the account-level
 * CHURN_RISK episode that gathers the behavioural signals into one alert with a contact budget.
 *
 * @param grouping         ACCOUNT: one CHURN_RISK episode per account whose reasons are the behavioural signals
 *                         (billing facts stay alerts of their own); SIGNAL: one alert per signal (scoring v1)
 * @param cohortBy         what makes accounts a cohort within a task: their segment and renewal month
 *                         (SEGMENT_RENEWAL), their SEGMENT, or NONE (every account)
 * @param minMembers       members a cohort needs before COHORT_LAG judges an account against it
 * @param recencyCapDays   days since the last usage beyond which a member counts as this many in the cohort mean
 * @param lagDays          COHORT_LAG opens when the account's days without usage reach the cohort mean plus this
 * @param openSignals      the signals that open a CHURN_RISK episode; the others only add to an open one
 * @param confirmDays      how long an opening signal must hold before it opens the episode (CANCELLATION_INTENT,
 *                         a customer's own words, opens at once)
 * @param resolveDays      days without any opening signal after which the episode resolves
 * @param contactBudget    OPEN records (a new episode or an update of one) an account receives at most per window
 * @param contactWindowDays the window of the contact budget
 */
public record RiskConfig(Grouping grouping, CohortBy cohortBy, int minMembers, int recencyCapDays, int lagDays,
                         Set<ChurnSignal> openSignals, int confirmDays, int resolveDays, int contactBudget,
                         int contactWindowDays) {

    public static final String GROUPING = "alert.grouping";
    public static final String COHORT_BY = "cohort.by";
    public static final String COHORT_MIN_MEMBERS = "cohort.min.members";
    public static final String COHORT_RECENCY_CAP_DAYS = "cohort.recency.cap.days";
    public static final String COHORT_LAG_DAYS = "cohort.lag.days";
    public static final String RISK_OPEN_SIGNALS = "risk.open.signals";
    public static final String RISK_CONFIRM_DAYS = "risk.confirm.days";
    public static final String RISK_RESOLVE_DAYS = "risk.resolve.days";
    public static final String CONTACT_BUDGET = "alert.contact.budget";
    public static final String CONTACT_WINDOW_DAYS = "alert.contact.window.days";

    /** Signals that are facts of billing: always alerts of their own, never folded into a CHURN_RISK episode. */
    public static final Set<ChurnSignal> BILLING_FACTS = EnumSet.of(ChurnSignal.PAYMENT_FAILED,
            ChurnSignal.DOWNGRADE, ChurnSignal.CANCELLATION_REQUESTED);

    /** How alerts are grouped. */
    public enum Grouping { ACCOUNT, SIGNAL }

    /**
     * What makes a cohort: the segment and the month of the profile's {@code renewalAt} (accounts on the same
     * contract cycle live through the same calendar: onboarding, quiet seasons, renewal), the segment alone, or
     * nothing (every account of the task).
     */
    public enum CohortBy { SEGMENT_RENEWAL, SEGMENT, NONE }

    public RiskConfig {
        openSignals = Set.copyOf(openSignals);
    }

    static RiskConfig of(final AbstractConfig c) {
        final Set<ChurnSignal> open = EnumSet.noneOf(ChurnSignal.class);
        for (final String name : c.getList(RISK_OPEN_SIGNALS)) {
            open.add(ChurnSignal.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
        return new RiskConfig(Grouping.valueOf(c.getString(GROUPING).toUpperCase(Locale.ROOT)),
                CohortBy.valueOf(c.getString(COHORT_BY).toUpperCase(Locale.ROOT)), c.getInt(COHORT_MIN_MEMBERS),
                c.getInt(COHORT_RECENCY_CAP_DAYS), c.getInt(COHORT_LAG_DAYS), open, c.getInt(RISK_CONFIRM_DAYS),
                c.getInt(RISK_RESOLVE_DAYS), c.getInt(CONTACT_BUDGET), c.getInt(CONTACT_WINDOW_DAYS));
    }

    /** True when {@code signal} may open a CHURN_RISK episode after it held {@link #confirmDays}. */
    public boolean opens(final ChurnSignal signal) {
        return openSignals.contains(signal);
    }

    /** Days an opening signal must hold before the episode opens. */
    public int confirmDays(final ChurnSignal signal) {
        return signal == ChurnSignal.CANCELLATION_INTENT ? 0 : confirmDays;
    }

    static ConfigDef define(final ConfigDef def) {
        return def
                .define(GROUPING, Type.STRING, Grouping.ACCOUNT.name(), enumOf(Grouping.values()), Importance.HIGH,
                        "ACCOUNT: one CHURN_RISK alert per account at risk, whose reasons (the behavioural signals) "
                                + "grow and whose severity rises; billing facts (PAYMENT_FAILED, DOWNGRADE, "
                                + "CANCELLATION_REQUESTED) stay alerts of their own. SIGNAL: one alert per signal.")
                .define(COHORT_BY, Type.STRING, CohortBy.SEGMENT_RENEWAL.name(), enumOf(CohortBy.values()),
                        Importance.MEDIUM, "Accounts an account is compared with by COHORT_LAG, among those of the "
                                + "same stream task: of its segment renewing in the same month (SEGMENT_RENEWAL; "
                                + "the segment alone for a profile without renewalAt), of its SEGMENT, or NONE for all.")
                .define(COHORT_MIN_MEMBERS, Type.INT, 20, Range.between(1, 1_000_000), Importance.LOW,
                        "Members a cohort needs before COHORT_LAG judges an account against it.")
                .define(COHORT_RECENCY_CAP_DAYS, Type.INT, 120, Range.between(7, 730), Importance.LOW,
                        "A member silent for longer counts this many days in the cohort's mean days since last usage.")
                .define(COHORT_LAG_DAYS, Type.INT, 8, Range.between(1, 365), Importance.MEDIUM,
                        "COHORT_LAG opens when the account's days without usage reach its cohort's mean plus this.")
                .define(RISK_OPEN_SIGNALS, Type.LIST, "COHORT_LAG,TICKET_SPIKE,CANCELLATION_INTENT",
                        signalList(), Importance.MEDIUM, "Signals that open a CHURN_RISK episode; the other "
                                + "behavioural signals are added to an open episode as reasons.")
                .define(RISK_CONFIRM_DAYS, Type.INT, 3, Range.between(0, 90), Importance.MEDIUM,
                        "Days an opening signal must hold before it opens CHURN_RISK (CANCELLATION_INTENT: at once).")
                .define(RISK_RESOLVE_DAYS, Type.INT, 7, Range.between(0, 90), Importance.MEDIUM,
                        "CHURN_RISK resolves after this many days without any opening signal.")
                .define(CONTACT_BUDGET, Type.INT, 3, Range.between(1, 100), Importance.MEDIUM,
                        "CHURN_RISK OPEN records (a new episode or an update) an account receives at most per "
                                + CONTACT_WINDOW_DAYS + "; updates beyond it wait for the next record.")
                .define(CONTACT_WINDOW_DAYS, Type.INT, 30, Range.between(1, 365), Importance.LOW,
                        "Days of the window of " + CONTACT_BUDGET + ".");
    }

    private static ConfigDef.Validator enumOf(final Enum<?>[] values) {
        final String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name();
        }
        return ConfigDef.CaseInsensitiveValidString.in(names);
    }

    private static ConfigDef.Validator signalList() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(final String name, final Object value) {
                @SuppressWarnings("unchecked")
                final List<String> names = (List<String>) value;
                for (final String signal : names) {
                    try {
                        final ChurnSignal parsed = ChurnSignal.valueOf(signal.trim().toUpperCase(Locale.ROOT));
                        if (BILLING_FACTS.contains(parsed) || parsed == ChurnSignal.CHURN_RISK
                                || parsed == ChurnSignal.UNKNOWN) {
                            throw new ConfigException(name, value, signal + " cannot open a CHURN_RISK episode");
                        }
                    } catch (final IllegalArgumentException e) {
                        throw new ConfigException(name, value, "unknown signal " + signal);
                    }
                }
            }

            @Override
            public String toString() {
                return "behavioural signals: LOGIN_DECLINE, TICKET_SPIKE, CANCELLATION_INTENT, SILENCE, "
                        + "HEALTH_DROP, COHORT_LAG";
            }
        };
    }
}
