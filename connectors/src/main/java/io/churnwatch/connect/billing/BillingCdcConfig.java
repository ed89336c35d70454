package io.churnwatch.connect.billing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys of {@link BillingEventTransform}, each declared once; the table in {@code connectors/README.md} is
 * generated from {@link #CONFIG_DEF}. Given to a Debezium source connector as {@code transforms.<name>.<key>}.
 * The defaults describe a Stripe-like billing schema; every table, column and status name can be changed.
 */
public final class BillingCdcConfig extends AbstractConfig {

    public static final String TOPIC = "topic";
    public static final String DEAD_LETTER_TOPIC = "dead.letter.topic";
    public static final String SUBSCRIPTIONS_TABLE = "subscriptions.table";
    public static final String INVOICES_TABLE = "invoices.table";
    public static final String ACCOUNT_COLUMN = "account.column";
    public static final String TIME_COLUMN = "time.column";
    public static final String CURRENCY_COLUMN = "currency.column";
    public static final String DEFAULT_CURRENCY = "default.currency";
    public static final String STATUS_COLUMN = "status.column";
    public static final String PLAN_COLUMN = "plan.column";
    public static final String MRR_COLUMN = "mrr.column";
    public static final String CANCEL_REQUESTED_COLUMN = "cancel.requested.column";
    public static final String PERIOD_END_COLUMN = "period.end.column";
    public static final String CANCELLED_STATUSES = "cancelled.statuses";
    public static final String AMOUNT_COLUMN = "amount.column";
    public static final String ATTEMPTS_COLUMN = "attempts.column";
    public static final String FAILED_STATUSES = "failed.statuses";
    public static final String PAID_STATUSES = "paid.statuses";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC, Type.STRING, "billing", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The topic the BillingEvents go to, keyed by account: churnwatch's billing input.")
            .define(DEAD_LETTER_TOPIC, Type.STRING, "billing-cdc-dlq", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Where a change of a billing table that cannot become a BillingEvent goes (no account, an update "
                            + "without its before image, a value that does not parse): the row change as JSON, with "
                            + "churnwatch.dlq.* headers naming the reason, the table and the WAL position.")
            .define(SUBSCRIPTIONS_TABLE, Type.STRING, "subscriptions", Importance.HIGH,
                    "The subscriptions table (name, or schema.name).")
            .define(INVOICES_TABLE, Type.STRING, "invoices", Importance.HIGH,
                    "The invoices table (name, or schema.name).")
            .define(ACCOUNT_COLUMN, Type.STRING, "account_id", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The column of both tables holding churnwatch's accountId.")
            .define(TIME_COLUMN, Type.STRING, "updated_at", Importance.MEDIUM,
                    "The column of both tables with the time of the change, the event's occurredAt; the commit "
                            + "time when empty or when the row has none.")
            .define(CURRENCY_COLUMN, Type.STRING, "currency", Importance.LOW,
                    "The column with the ISO-4217 currency; default.currency when the row has none.")
            .define(DEFAULT_CURRENCY, Type.STRING, "USD", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "The currency of rows without one.")
            .define(STATUS_COLUMN, Type.STRING, "status", Importance.HIGH,
                    "The status column of both tables.")
            .define(PLAN_COLUMN, Type.STRING, "plan", Importance.LOW,
                    "The subscription's plan column.")
            .define(MRR_COLUMN, Type.STRING, "mrr_cents", Importance.HIGH,
                    "The subscription's monthly recurring revenue in cents: lower after an update is DOWNGRADED, "
                            + "higher is UPGRADED.")
            .define(CANCEL_REQUESTED_COLUMN, Type.STRING, "cancel_at_period_end", Importance.HIGH,
                    "The subscription's boolean flag of a requested cancellation: set is CANCELLATION_REQUESTED, "
                            + "cleared again is RENEWED (the customer stays).")
            .define(PERIOD_END_COLUMN, Type.STRING, "current_period_end", Importance.MEDIUM,
                    "The end of the subscription's paid period: moved later is RENEWED.")
            .define(CANCELLED_STATUSES, Type.LIST, "canceled,cancelled", Importance.HIGH,
                    "Subscription statuses that mean it has ended: entering one is CANCELLED.")
            .define(AMOUNT_COLUMN, Type.STRING, "amount_cents", Importance.MEDIUM,
                    "The invoice's amount in cents, the payment event's mrrCents (the MRR for monthly billing).")
            .define(ATTEMPTS_COLUMN, Type.STRING, "attempt_count", Importance.LOW,
                    "The invoice's count of payment attempts: raised while failed is another PAYMENT_FAILED.")
            .define(FAILED_STATUSES, Type.LIST, "failed,payment_failed,past_due,uncollectible", Importance.HIGH,
                    "Invoice statuses of a failed payment: entering one is PAYMENT_FAILED.")
            .define(PAID_STATUSES, Type.LIST, "paid", Importance.HIGH,
                    "Invoice statuses of a payment made: entering one is PAYMENT_SUCCEEDED.");

    public BillingCdcConfig(final Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    /** Whether {@code table} of {@code schema} is the table configured under {@code key}. */
    boolean isTable(final String key, final String schema, final String table) {
        final String configured = getString(key);
        return !configured.isEmpty() && (configured.equals(table) || configured.equals(schema + "." + table));
    }

    /** The statuses of {@code key}, lower-case. */
    Set<String> statuses(final String key) {
        final List<String> values = getList(key);
        return values.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
