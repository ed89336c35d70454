package io.churnwatch.connect.billing;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.data.Struct;

/**
 * What a change of a billing row means for churn, as a {@link BillingEvent}.
 *
 * <p>Subscriptions: a new row is SUBSCRIPTION_STARTED (CANCELLED if it is born ended); a snapshot row only carries
 * the current MRR (OTHER), because the snapshot says what is, not what happened. An update is, in this order of
 * precedence, CANCELLED (status enters {@code cancelled.statuses}), CANCELLATION_REQUESTED (the flag is set),
 * DOWNGRADED or UPGRADED (the MRR moves), RENEWED (the flag is cleared, or the paid period is extended); any
 * other update is not a billing event. Invoices: PAYMENT_FAILED when the status enters {@code failed.statuses} (or
 * a snapshot or new row is in one, or the attempts rise while it stays there), PAYMENT_SUCCEEDED when it enters
 * {@code paid.statuses} (not for snapshot rows: old paid invoices say nothing new). Deleted rows are not billing
 * events: an ended subscription is a status. An update without its before image cannot tell what changed and is
 * refused with that reason (set {@code REPLICA IDENTITY FULL} on the table).
 *
 * <p>The event id is the table, the row's key and the change's WAL position, so a change read twice (a restarted
 * connector resends from its last committed offset) is the same event, which churnwatch applies once.
 */
final class BillingChangeMapper {

    private final BillingCdcConfig config;
    private final Set<String> cancelled;
    private final Set<String> failed;
    private final Set<String> paid;

    BillingChangeMapper(final BillingCdcConfig config) {
        this.config = config;
        this.cancelled = config.statuses(BillingCdcConfig.CANCELLED_STATUSES);
        this.failed = config.statuses(BillingCdcConfig.FAILED_STATUSES);
        this.paid = config.statuses(BillingCdcConfig.PAID_STATUSES);
    }

    /** Whether {@code change} is of one of the billing tables, which {@link #map} then accounts for. */
    boolean isBilling(final RowChange change) {
        return subscriptions(change) || config.isTable(BillingCdcConfig.INVOICES_TABLE, change.schema(), change.table());
    }

    /** The event of a change of a billing table; empty when the change is none; refused when it cannot be read. */
    Optional<BillingEvent> map(final RowChange change) {
        if (change.op() == RowChange.DELETE || change.after() == null) {
            return Optional.empty();
        }
        if (change.op() == RowChange.UPDATE && change.before() == null) {
            throw new UnmappableChangeException("no-before-image", "an update of " + change.qualifiedTable()
                    + " without the row before it; set REPLICA IDENTITY FULL on the table");
        }
        try {
            final Optional<BillingEventType> type = subscriptions(change) ? subscriptionEvent(change)
                    : invoiceEvent(change);
            return type.map(t -> event(change, t));
        } catch (final Columns.BadValueException e) {
            throw new UnmappableChangeException("bad-value", change.qualifiedTable() + ": " + e.getMessage());
        }
    }

    private boolean subscriptions(final RowChange change) {
        return config.isTable(BillingCdcConfig.SUBSCRIPTIONS_TABLE, change.schema(), change.table());
    }

    private Optional<BillingEventType> subscriptionEvent(final RowChange change) {
        final Struct after = change.after();
        final boolean ended = cancelled.contains(status(after));
        if (change.op() == RowChange.SNAPSHOT) {
            return Optional.of(BillingEventType.OTHER);
        }
        if (change.op() == RowChange.CREATE) {
            return Optional.of(ended ? BillingEventType.CANCELLED : BillingEventType.SUBSCRIPTION_STARTED);
        }
        final Struct before = change.before();
        final String flag = config.getString(BillingCdcConfig.CANCEL_REQUESTED_COLUMN);
        final boolean requested = Boolean.TRUE.equals(Columns.flag(after, flag));
        final boolean wasRequested = Boolean.TRUE.equals(Columns.flag(before, flag));
        final Long mrr = mrr(after);
        final Long mrrBefore = mrr(before);
        final String periodEnd = config.getString(BillingCdcConfig.PERIOD_END_COLUMN);
        final Instant end = Columns.instant(after, periodEnd);
        final Instant endBefore = Columns.instant(before, periodEnd);
        if (ended && !cancelled.contains(status(before))) {
            return Optional.of(BillingEventType.CANCELLED);
        }
        if (requested && !wasRequested) {
            return Optional.of(BillingEventType.CANCELLATION_REQUESTED);
        }
        if (mrr != null && mrrBefore != null && !mrr.equals(mrrBefore)) {
            return Optional.of(mrr < mrrBefore ? BillingEventType.DOWNGRADED : BillingEventType.UPGRADED);
        }
        if (wasRequested && !requested || end != null && endBefore != null && end.isAfter(endBefore)) {
            return Optional.of(BillingEventType.RENEWED);
        }
        return Optional.empty();
    }

    private Optional<BillingEventType> invoiceEvent(final RowChange change) {
        final String status = status(change.after());
        if (change.op() == RowChange.UPDATE) {
            final String statusBefore = status(change.before());
            final String attempts = config.getString(BillingCdcConfig.ATTEMPTS_COLUMN);
            final Long tries = Columns.whole(change.after(), attempts);
            final Long triesBefore = Columns.whole(change.before(), attempts);
            if (failed.contains(status) && (!failed.contains(statusBefore)
                    || tries != null && triesBefore != null && tries > triesBefore)) {
                return Optional.of(BillingEventType.PAYMENT_FAILED);
            }
            return paid.contains(status) && !paid.contains(statusBefore) ? Optional.of(BillingEventType.PAYMENT_SUCCEEDED)
                    : Optional.empty();
        }
        if (failed.contains(status)) {
            return Optional.of(BillingEventType.PAYMENT_FAILED);
        }
        return change.op() == RowChange.CREATE && paid.contains(status)
                ? Optional.of(BillingEventType.PAYMENT_SUCCEEDED) : Optional.empty();
    }

    private BillingEvent event(final RowChange change, final BillingEventType type) {
        final Struct row = change.after();
        final String account = Columns.text(row, config.getString(BillingCdcConfig.ACCOUNT_COLUMN));
        if (account == null || account.isBlank()) {
            throw new UnmappableChangeException("no-account", change.qualifiedTable() + " row " + change.key()
                    + " has no " + config.getString(BillingCdcConfig.ACCOUNT_COLUMN));
        }
        final boolean subscription = subscriptions(change);
        final Long cents = subscription ? mrr(row) : Columns.whole(row, config.getString(BillingCdcConfig.AMOUNT_COLUMN));
        final Instant at = Columns.instant(row, config.getString(BillingCdcConfig.TIME_COLUMN));
        final String currency = Columns.text(row, config.getString(BillingCdcConfig.CURRENCY_COLUMN));
        return BillingEvent.newBuilder()
                .setEventId("cdc:" + change.qualifiedTable() + ":" + change.key() + "@" + change.position())
                .setAccountId(account)
                .setType(type)
                .setMrrCents(type == BillingEventType.CANCELLED ? 0L : Math.max(0L, Objects.requireNonNullElse(cents, 0L)))
                .setCurrency(currency == null ? config.getString(BillingCdcConfig.DEFAULT_CURRENCY)
                        : currency.toUpperCase(Locale.ROOT))
                .setPlan(subscription ? Columns.text(row, config.getString(BillingCdcConfig.PLAN_COLUMN)) : null)
                .setOccurredAt(at != null ? at : Instant.ofEpochMilli(change.commitMs()))
                .build();
    }

    private Long mrr(final Struct row) {
        return Columns.whole(row, config.getString(BillingCdcConfig.MRR_COLUMN));
    }

    private String status(final Struct row) {
        final String status = Columns.text(row, config.getString(BillingCdcConfig.STATUS_COLUMN));
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }
}
