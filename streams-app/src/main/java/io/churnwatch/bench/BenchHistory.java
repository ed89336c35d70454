package io.churnwatch.bench;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.Segment;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.generate.EventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded event history for the benchmark: any number of events over any number of accounts, cheap to produce
 * (the {@link io.churnwatch.generate.HistoryGenerator} models whole customer lives, about 256 events per account
 * per 90 days, too many for 5M events over 100k accounts).
 *
 * <p>Accounts, ids and users are UUIDs, as SaaS products name them. Activity is skewed: account {@code i} of
 * {@code n} is drawn with density proportional to {@code 1/sqrt(i/n)}, so a few large accounts send thousands of
 * events and the smallest a handful. 5% of the accounts stop sending part-way through (silence). Events are 92%
 * usage (30% logins, 70% feature activity), 5% support tickets, 3% billing (mostly payments and renewals, some
 * failures, up- and downgrades, rare cancellations). Event times advance evenly over the span with up to a second
 * of jitter, so the stream is in order as far as the pipeline's windows care. The same seed gives the same events.
 */
public final class BenchHistory {

    private static final List<String> FEATURES = List.of("dashboard.overview.view", "reports.revenue-by-segment.create",
            "reports.export.scheduled-pdf", "projects.board.create", "tasks.bulk-update", "comments.thread.reply",
            "search.full-text.query", "integrations.salesforce.sync", "api.v2.records.list", "users.invite.send",
            "automations.workflow.run", "settings.sso.update", "billing.invoices.download", "forms.builder.publish");
    private static final String[] PLANS = {"starter-monthly", "growth-monthly", "business-annual", "enterprise-annual"};
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "AUD"};
    private static final Segment[] SEGMENTS = {Segment.HIGH_TOUCH, Segment.LOW_TOUCH, Segment.TECH_TOUCH};
    private static final double[] SEGMENT_MIX = {0.10, 0.40, 1.0};
    private static final TicketStatus[] STATUSES = {TicketStatus.OPENED, TicketStatus.UPDATED, TicketStatus.RESOLVED,
        TicketStatus.CLOSED, TicketStatus.REOPENED};
    private static final double[] STATUS_MIX = {0.35, 0.70, 0.85, 0.95, 1.0};
    private static final TicketPriority[] PRIORITIES = {TicketPriority.LOW, TicketPriority.NORMAL, TicketPriority.HIGH,
        TicketPriority.URGENT};
    private static final double[] PRIORITY_MIX = {0.25, 0.75, 0.95, 1.0};
    private static final TicketCategory[] CATEGORIES = {TicketCategory.QUESTION, TicketCategory.BUG,
        TicketCategory.FEATURE_REQUEST, TicketCategory.BILLING, TicketCategory.DISCOUNT_REQUEST,
        TicketCategory.CANCELLATION_INTENT, TicketCategory.OTHER};
    private static final double[] CATEGORY_MIX = {0.38, 0.62, 0.78, 0.86, 0.91, 0.93, 1.0};
    private static final BillingEventType[] BILLING = {BillingEventType.PAYMENT_SUCCEEDED, BillingEventType.RENEWED,
        BillingEventType.PAYMENT_FAILED, BillingEventType.UPGRADED, BillingEventType.DOWNGRADED,
        BillingEventType.CANCELLATION_REQUESTED, BillingEventType.CANCELLED, BillingEventType.SUBSCRIPTION_STARTED};
    private static final double[] BILLING_MIX = {0.58, 0.73, 0.83, 0.90, 0.96, 0.98, 0.99, 1.0};
    private static final double USAGE_SHARE = 0.92;
    private static final double TICKET_SHARE = 0.97;
    private static final double SILENT_SHARE = 0.05;
    private static final int REDRAWS = 16;
    private static final long JITTER_MILLIS = 1_000;

    private final long seed;
    private final String[] ids;
    private final Segment[] segments;
    private final long[] mrrCents;
    /** Fraction of the span after which an account sends nothing more; above 1 for those that never stop. */
    private final double[] stopsAt;

    public BenchHistory(final int accounts, final long seed) {
        this.seed = seed;
        this.ids = new String[accounts];
        this.segments = new Segment[accounts];
        this.mrrCents = new long[accounts];
        this.stopsAt = new double[accounts];
        final SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < accounts; i++) {
            ids[i] = uuid(rng);
            segments[i] = pick(SEGMENTS, SEGMENT_MIX, rng);
            mrrCents[i] = 2_900L * (1 + rng.nextInt(segments[i] == Segment.HIGH_TOUCH ? 400 : 40));
            stopsAt[i] = rng.nextDouble() < SILENT_SHARE ? 0.3 + 0.6 * rng.nextDouble() : 2.0;
        }
    }

    public int accounts() {
        return ids.length;
    }

    /** The id of account {@code index}. */
    public String accountId(final int index) {
        return ids[index];
    }

    /** One profile per account, each signed up between one month and two years before {@code start}. */
    public void profiles(final Instant start, final EventSink sink) {
        final SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < ids.length; i++) {
            final Instant signedUp = start.minus(Duration.ofDays(30 + rng.nextInt(700)));
            final boolean owned = segments[i] != Segment.TECH_TOUCH;
            sink.accept(AccountProfile.newBuilder()
                    .setAccountId(ids[i])
                    .setName(String.format(Locale.ROOT, "Customer %d Holdings", i + 1))
                    .setSegment(segments[i])
                    .setOwnerId(owned ? String.format(Locale.ROOT, "csm-%02d", 1 + rng.nextInt(40)) : null)
                    .setSignedUpAt(signedUp)
                    .setRenewalAt(signedUp.plus(Duration.ofDays(365L * (1 + rng.nextInt(3)))))
                    .setTimeZone("Europe/Berlin")
                    .build());
        }
    }

    /**
     * {@code count} events with event times spread evenly over {@code span} from {@code start}, in order up to the
     * jitter. Deterministic for a given seed, count, start and span.
     */
    public void events(final long count, final Instant start, final Duration span, final EventSink sink) {
        final SplittableRandom rng = new SplittableRandom(seed * 31 + count);
        final long[] mrr = mrrCents.clone();
        final int[] tickets = new int[ids.length];
        final long startMillis = start.toEpochMilli();
        final double stepMillis = (double) span.toMillis() / count;
        for (long e = 0; e < count; e++) {
            final double progress = (double) e / count;
            final int account = drawAccount(progress, rng);
            final long jitter = rng.nextLong(JITTER_MILLIS);
            final Instant at = Instant.ofEpochMilli(startMillis + (long) (e * stepMillis) + jitter);
            final double kind = rng.nextDouble();
            if (kind < USAGE_SHARE) {
                sink.accept(usage(account, at, rng));
            } else if (kind < TICKET_SHARE) {
                sink.accept(ticket(account, ++tickets[account], at, rng));
            } else {
                sink.accept(billing(account, mrr, at, rng));
            }
        }
    }

    private int drawAccount(final double progress, final SplittableRandom rng) {
        int account = 0;
        for (int attempt = 0; attempt < REDRAWS; attempt++) {
            final double u = rng.nextDouble();
            account = Math.min(ids.length - 1, (int) (ids.length * u * u));
            if (progress < stopsAt[account]) {
                return account;
            }
        }
        return account;
    }

    private UsageEvent usage(final int account, final Instant at, final SplittableRandom rng) {
        final boolean login = rng.nextDouble() < 0.3;
        return UsageEvent.newBuilder()
                .setEventId(uuid(rng))
                .setAccountId(ids[account])
                .setUserId(userId(account, rng))
                .setKind(login ? UsageKind.LOGIN : UsageKind.ACTIVITY)
                .setFeature(login ? null : FEATURES.get(rng.nextInt(FEATURES.size())))
                .setQuantity(login ? 1 : 1 + rng.nextInt(5))
                .setOccurredAt(at)
                .build();
    }

    /** Ticket event {@code number} of the account; a ticket has about three events, so ids repeat in threes. */
    private SupportTicketEvent ticket(final int account, final int number, final Instant at,
                                      final SplittableRandom rng) {
        return SupportTicketEvent.newBuilder()
                .setEventId(uuid(rng))
                .setAccountId(ids[account])
                .setTicketId(String.format(Locale.ROOT, "TCK-%d-%05d", account, (number + 2) / 3))
                .setStatus(pick(STATUSES, STATUS_MIX, rng))
                .setPriority(pick(PRIORITIES, PRIORITY_MIX, rng))
                .setCategory(pick(CATEGORIES, CATEGORY_MIX, rng))
                .setOccurredAt(at)
                .build();
    }

    private BillingEvent billing(final int account, final long[] mrrCents, final Instant at,
                                 final SplittableRandom rng) {
        final BillingEventType type = pick(BILLING, BILLING_MIX, rng);
        if (type == BillingEventType.UPGRADED) {
            mrrCents[account] += mrrCents[account] / 4;
        } else if (type == BillingEventType.DOWNGRADED) {
            mrrCents[account] -= mrrCents[account] / 5;
        }
        return BillingEvent.newBuilder()
                .setEventId(uuid(rng))
                .setAccountId(ids[account])
                .setType(type)
                .setMrrCents(type == BillingEventType.CANCELLED ? 0 : mrrCents[account])
                .setCurrency(CURRENCIES[account % CURRENCIES.length])
                .setPlan(PLANS[(int) Math.min(PLANS.length - 1, mrrCents[account] / 50_000)])
                .setOccurredAt(at)
                .build();
    }

    /** One of up to 50 users per account, the larger accounts having more. */
    private String userId(final int account, final SplittableRandom rng) {
        final int users = 1 + (int) (49 * (1.0 - (double) account / ids.length));
        return new UUID(ids[account].hashCode() * 0x9E3779B97F4A7C15L, rng.nextInt(users)).toString();
    }

    private static String uuid(final SplittableRandom rng) {
        // Version 4 and IETF variant bits, as java.util.UUID.randomUUID sets them, from the seeded generator.
        final long high = rng.nextLong() & ~0xF000L | 0x4000L;
        final long low = rng.nextLong() & ~(0xC000L << 48) | 0x8000L << 48;
        return new UUID(high, low).toString();
    }

    private static <T> T pick(final T[] values, final double[] cumulative, final SplittableRandom rng) {
        final double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
