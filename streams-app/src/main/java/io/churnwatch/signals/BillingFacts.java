package io.churnwatch.signals;

import io.churnwatch.events.BillingEvent;
import java.io.IOException;
import java.util.Arrays;

/**
 * What an account's billing events left behind, kept as the latest time of each kind of event so that every
 * billing condition is a comparison of timestamps ("failed after the last success", "cancelled after the last
 * start"). That makes the facts independent of arrival order: a late or out-of-order billing event lands where
 * it belongs. The current MRR is the {@code mrrCents} of the billing event with the latest event time.
 */
final class BillingFacts {

    private static final int MRR = 0;
    private static final int MRR_AT = 1;
    private static final int FAILED = 2;
    private static final int SUCCEEDED = 3;
    private static final int DOWNGRADED = 4;
    private static final int MRR_BEFORE_DOWNGRADE = 5;
    private static final int MRR_AFTER_DOWNGRADE = 6;
    private static final int UPGRADED = 7;
    private static final int CANCEL_REQUESTED = 8;
    private static final int RETAINED = 9;
    private static final int CANCELLED = 10;
    private static final int STARTED = 11;
    private static final int FIRST_UNPAID = 12;
    private static final int FIELDS = 13;
    private static final int[] TIMES = {MRR_AT, FAILED, SUCCEEDED, DOWNGRADED, UPGRADED, CANCEL_REQUESTED,
        RETAINED, CANCELLED, STARTED, FIRST_UNPAID};

    /** Timestamps use {@link Days#NONE} when never seen; MRR amounts use -1 when unknown. */
    private final long[] f;

    private BillingFacts(final long[] fields) {
        this.f = fields;
    }

    static BillingFacts empty() {
        final long[] fields = new long[FIELDS];
        Arrays.fill(fields, Days.NONE);
        fields[MRR] = 0;
        fields[MRR_BEFORE_DOWNGRADE] = -1;
        fields[MRR_AFTER_DOWNGRADE] = -1;
        return new BillingFacts(fields);
    }

    void apply(final BillingEvent event, final long at) {
        final long mrr = Math.max(0, event.getMrrCents());
        switch (event.getType()) {
            case SUBSCRIPTION_STARTED -> {
                latest(STARTED, at);
                latest(RETAINED, at);
            }
            case RENEWED -> latest(RETAINED, at);
            case UPGRADED -> {
                latest(UPGRADED, at);
                latest(RETAINED, at);
            }
            case DOWNGRADED -> {
                // Strictly newer only: a redelivered downgrade would find its own MRR and forget the one before.
                if (at > f[DOWNGRADED]) {
                    f[DOWNGRADED] = at;
                    f[MRR_BEFORE_DOWNGRADE] = f[MRR_AT] != Days.NONE && f[MRR_AT] < at ? f[MRR] : -1;
                    f[MRR_AFTER_DOWNGRADE] = mrr;
                }
            }
            case PAYMENT_FAILED -> {
                latest(FAILED, at);
                if (at > f[SUCCEEDED] && (f[FIRST_UNPAID] <= f[SUCCEEDED] || at < f[FIRST_UNPAID])) {
                    f[FIRST_UNPAID] = at;
                }
            }
            case PAYMENT_SUCCEEDED -> latest(SUCCEEDED, at);
            case CANCELLATION_REQUESTED -> latest(CANCEL_REQUESTED, at);
            case CANCELLED -> latest(CANCELLED, at);
            default -> {
                // OTHER (or a symbol this build does not know) only carries the MRR
            }
        }
        if (at >= f[MRR_AT]) {
            f[MRR_AT] = at;
            f[MRR] = mrr;
        }
    }

    private void latest(final int field, final long at) {
        f[field] = Math.max(f[field], at);
    }

    boolean seen() {
        return f[MRR_AT] != Days.NONE;
    }

    long mrrCents() {
        return f[MRR];
    }

    boolean paymentPending() {
        return f[FAILED] > f[SUCCEEDED];
    }

    /**
     * Start of the current unpaid period: the first failure after the last success, so that a repeated failure
     * does not restart the grace period. When records arrived so out of order that this is unknown, the latest
     * failure. {@link Days#NONE} when nothing is unpaid.
     */
    long unpaidSince() {
        if (!paymentPending()) {
            return Days.NONE;
        }
        return f[FIRST_UNPAID] > f[SUCCEEDED] ? f[FIRST_UNPAID] : f[FAILED];
    }

    long lastPaymentFailedAt() {
        return f[FAILED];
    }

    boolean downgradeActive(final long now, final int days) {
        return f[DOWNGRADED] > f[UPGRADED] && now < downgradeEnds(days);
    }

    long downgradeEnds(final int days) {
        return f[DOWNGRADED] == Days.NONE ? Days.NONE : Days.plus(f[DOWNGRADED], days);
    }

    long lastDowngradeAt() {
        return f[DOWNGRADED];
    }

    /** MRR before the latest downgrade, -1 when it was not known. */
    long mrrBeforeDowngrade() {
        return f[MRR_BEFORE_DOWNGRADE];
    }

    long mrrAfterDowngrade() {
        return f[MRR_AFTER_DOWNGRADE];
    }

    boolean cancellationPending() {
        return f[CANCEL_REQUESTED] > f[RETAINED];
    }

    long lastCancellationRequestedAt() {
        return f[CANCEL_REQUESTED];
    }

    /** Cancelled and not started again since. */
    boolean churned() {
        return f[CANCELLED] > f[STARTED];
    }

    long lastCancelledAt() {
        return f[CANCELLED];
    }

    void write(final StateWriter out) {
        out.writeLong(f[MRR]);
        out.writeLong(f[MRR_BEFORE_DOWNGRADE]);
        out.writeLong(f[MRR_AFTER_DOWNGRADE]);
        for (final int time : TIMES) {
            Days.writeTime(out, f[time]);
        }
    }

    static BillingFacts read(final StateReader in) throws IOException {
        final long[] fields = new long[FIELDS];
        fields[MRR] = in.readLong();
        fields[MRR_BEFORE_DOWNGRADE] = in.readLong();
        fields[MRR_AFTER_DOWNGRADE] = in.readLong();
        for (final int time : TIMES) {
            fields[time] = Days.readTime(in);
        }
        return new BillingFacts(fields);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof BillingFacts b && Arrays.equals(b.f, f);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(f);
    }
}
