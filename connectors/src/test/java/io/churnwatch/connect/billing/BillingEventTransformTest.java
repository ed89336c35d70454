package io.churnwatch.connect.billing;

import static io.churnwatch.connect.billing.DebeziumChanges.change;
import static io.churnwatch.connect.billing.DebeziumChanges.invoice;
import static io.churnwatch.connect.billing.DebeziumChanges.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.connect.converter.ChurnwatchAvroConverter;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.serde.AvroDeserializer;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.serde.RegistrySerdeConfig;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class BillingEventTransformTest {

    private static final String MAY = "2026-05-01T00:00:00Z";
    private static final String JUNE = "2026-06-01T00:00:00Z";
    private static final String NOW = "2026-05-14T09:30:00.123456Z";

    private final BillingEventTransform<SourceRecord> transform = transform(Map.of());

    private static BillingEventTransform<SourceRecord> transform(final Map<String, String> config) {
        final BillingEventTransform<SourceRecord> built = new BillingEventTransform<>();
        built.configure(config);
        return built;
    }

    private static Struct active(final long mrr) {
        return subscription("sub-1", "acct-7", mrr, "active", false, MAY, "2026-05-02T00:00:00Z");
    }

    private BillingEventType typeOf(final SourceRecord change) {
        return BillingEventType.valueOf(((Struct) transform.apply(change).value()).getString("type"));
    }

    @Test
    void shouldEmitDowngradedOnTheBillingTopicWhenTheMrrOfASubscriptionFalls() {
        final SourceRecord out = transform.apply(change("subscriptions", 'u', active(9_900),
                subscription("sub-1", "acct-7", 4_900, "active", false, MAY, NOW), 100));

        final Struct event = (Struct) out.value();
        assertThat(out.topic()).isEqualTo("billing");
        assertThat(out.key()).isEqualTo("acct-7");
        assertThat(out.valueSchema().name()).isEqualTo("io.churnwatch.events.BillingEvent");
        assertThat(event.getString("type")).isEqualTo("DOWNGRADED");
        assertThat(event.getInt64("mrrCents")).isEqualTo(4_900L);
        assertThat(event.getString("currency")).isEqualTo("EUR");
        assertThat(event.getString("plan")).isEqualTo("pro");
        assertThat(event.get("occurredAt")).isEqualTo(Date.from(Instant.parse("2026-05-14T09:30:00.123Z")));
        assertThat(out.timestamp()).isEqualTo(Instant.parse("2026-05-14T09:30:00.123Z").toEpochMilli());
    }

    @Test
    void shouldEmitUpgradedWhenTheMrrRises() {
        assertThat(typeOf(change("subscriptions", 'u', active(4_900), active(9_900), 101)))
                .isEqualTo(BillingEventType.UPGRADED);
    }

    @Test
    void shouldEmitCancellationRequestedWhenTheFlagIsSet() {
        assertThat(typeOf(change("subscriptions", 'u', active(4_900),
                subscription("sub-1", "acct-7", 4_900, "active", true, MAY, NOW), 102)))
                .isEqualTo(BillingEventType.CANCELLATION_REQUESTED);
    }

    @Test
    void shouldEmitRenewedWhenTheFlagIsClearedAgain() {
        assertThat(typeOf(change("subscriptions", 'u', subscription("sub-1", "acct-7", 4_900, "active", true, MAY, NOW),
                active(4_900), 103))).isEqualTo(BillingEventType.RENEWED);
    }

    @Test
    void shouldEmitRenewedWhenThePaidPeriodIsExtended() {
        assertThat(typeOf(change("subscriptions", 'u', active(4_900),
                subscription("sub-1", "acct-7", 4_900, "active", false, JUNE, NOW), 104)))
                .isEqualTo(BillingEventType.RENEWED);
    }

    @Test
    void shouldEmitCancelledWithoutMrrWhenTheStatusEndsTheSubscription() {
        final Struct event = (Struct) transform.apply(change("subscriptions", 'u', active(4_900),
                subscription("sub-1", "acct-7", 4_900, "Canceled", false, MAY, NOW), 105)).value();

        assertThat(event.getString("type")).isEqualTo("CANCELLED");
        assertThat(event.getInt64("mrrCents")).isZero();
    }

    @Test
    void shouldEmitSubscriptionStartedWhenARowIsInserted() {
        assertThat(typeOf(change("subscriptions", 'c', null, active(4_900), 106)))
                .isEqualTo(BillingEventType.SUBSCRIPTION_STARTED);
    }

    @Test
    void shouldCarryOnlyTheMrrWhenARowComesFromTheSnapshot() {
        final Struct event = (Struct) transform.apply(change("subscriptions", 'r', null, active(4_900), 107)).value();

        assertThat(event.getString("type")).isEqualTo("OTHER");
        assertThat(event.getInt64("mrrCents")).isEqualTo(4_900L);
    }

    @Test
    void shouldDropTheChangeWhenNoBillingColumnMoved() {
        assertThat(transform.apply(change("subscriptions", 'u', active(4_900),
                subscription("sub-1", "acct-7", 4_900, "active", false, MAY, NOW), 108))).isNull();
    }

    @Test
    void shouldDropTheChangeWhenARowIsDeleted() {
        assertThat(transform.apply(change("subscriptions", 'd', active(4_900), null, 109))).isNull();
    }

    @Test
    void shouldEmitPaymentFailedWithTheInvoiceAmountWhenAnInvoiceFails() {
        final Struct event = (Struct) transform.apply(change("invoices", 'u',
                invoice("inv-1", "acct-7", 4_900, "open", 1, MAY), invoice("inv-1", "acct-7", 4_900, "failed", 1, NOW),
                110)).value();

        assertThat(event.getString("type")).isEqualTo("PAYMENT_FAILED");
        assertThat(event.getInt64("mrrCents")).isEqualTo(4_900L);
        assertThat(event.get("plan")).isNull();
    }

    @Test
    void shouldEmitPaymentFailedAgainWhenAnotherAttemptFails() {
        assertThat(typeOf(change("invoices", 'u', invoice("inv-1", "acct-7", 4_900, "failed", 1, MAY),
                invoice("inv-1", "acct-7", 4_900, "failed", 2, NOW), 111))).isEqualTo(BillingEventType.PAYMENT_FAILED);
    }

    @Test
    void shouldEmitPaymentSucceededWhenAnInvoiceIsPaid() {
        assertThat(typeOf(change("invoices", 'u', invoice("inv-1", "acct-7", 4_900, "failed", 2, MAY),
                invoice("inv-1", "acct-7", 4_900, "paid", 3, NOW), 112))).isEqualTo(BillingEventType.PAYMENT_SUCCEEDED);
    }

    @Test
    void shouldIgnoreOldPaidInvoicesWhenTheyComeFromTheSnapshot() {
        assertThat(transform.apply(change("invoices", 'r', null, invoice("inv-1", "acct-7", 4_900, "paid", 1, MAY),
                113))).isNull();
    }

    @Test
    void shouldDeadLetterWithTheFixWhenAnUpdateHasNoBeforeImage() {
        final SourceRecord out = transform.apply(change("subscriptions", 'u', null, active(4_900), 114));

        assertThat(out.topic()).isEqualTo("billing-cdc-dlq");
        assertThat(header(out, BillingEventTransform.REASON)).isEqualTo("no-before-image");
        assertThat(header(out, BillingEventTransform.DETAIL)).contains("REPLICA IDENTITY FULL");
        assertThat(header(out, BillingEventTransform.SOURCE_TABLE)).isEqualTo("public.subscriptions");
        assertThat(header(out, BillingEventTransform.SOURCE_POSITION)).isEqualTo("lsn 114");
        assertThat((String) out.value()).contains("\"mrr_cents\":4900").contains("\"op\":\"u\"");
        assertThat(transform.deadLettered("no-before-image")).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterWhenTheRowHasNoAccount() {
        final SourceRecord out = transform.apply(change("invoices", 'c', null,
                invoice("inv-2", null, 4_900, "failed", 1, NOW), 115));

        assertThat(header(out, BillingEventTransform.REASON)).isEqualTo("no-account");
        assertThat(header(out, BillingEventTransform.DETAIL)).contains("inv-2").contains("account_id");
    }

    @Test
    void shouldDeadLetterWhenAnAmountIsNotWholeCents() {
        final SourceRecord out = transform.apply(change("invoices", 'c', null,
                invoice("inv-3", "acct-7", 49.5, "failed", 1, NOW), 116));

        assertThat(header(out, BillingEventTransform.REASON)).isEqualTo("bad-value");
        assertThat(header(out, BillingEventTransform.DETAIL)).contains("amount_cents is 49.5");
    }

    @Test
    void shouldPassThroughWhenTheRecordIsOfAnotherTable() {
        final SourceRecord other = change("plans", 'u', active(1), active(2), 117);

        assertThat(transform.apply(other)).isSameAs(other);
    }

    @Test
    void shouldReadTheConfiguredColumnsWhenTheSchemaNamesThemDifferently() {
        final BillingEventTransform<SourceRecord> renamed = transform(Map.of(BillingCdcConfig.INVOICES_TABLE,
                "public.charges", BillingCdcConfig.FAILED_STATUSES, "declined"));

        final SourceRecord out = renamed.apply(change("charges", 'c', null,
                invoice("ch-1", "acct-7", 4_900, "declined", 1, NOW), 118));

        assertThat(((Struct) out.value()).getString("type")).isEqualTo("PAYMENT_FAILED");
    }

    @Test
    void shouldGiveTheSameEventIdWhenAChangeIsReadTwice() {
        final SourceRecord first = change("subscriptions", 'u', active(9_900), active(4_900), 119);
        final SourceRecord again = change("subscriptions", 'u', active(9_900), active(4_900), 119);
        final SourceRecord next = change("subscriptions", 'u', active(9_900), active(4_900), 120);

        final String id = ((Struct) transform.apply(first).value()).getString("eventId");
        assertThat(((Struct) transform.apply(again).value()).getString("eventId")).isEqualTo(id);
        assertThat(((Struct) transform.apply(next).value()).getString("eventId")).isNotEqualTo(id);
    }

    @Test
    void shouldDecodeAsTheContractsBillingEventWhenOurConverterWritesIt() {
        final String scope = "billing-" + UUID.randomUUID();
        try {
            final InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(scope);
            final ChurnwatchAvroConverter converter = new ChurnwatchAvroConverter();
            converter.configure(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
            final SourceRecord out = transform.apply(change("subscriptions", 'u', active(9_900), active(4_900), 121));

            final byte[] bytes = converter.fromConnectData("billing", out.valueSchema(), out.value());
            final BillingEvent event = new AvroDeserializer<>(BillingEvent.class, registry)
                    .deserialize("billing", bytes);

            assertThat(event.getType()).isEqualTo(BillingEventType.DOWNGRADED);
            assertThat(event.getAccountId()).isEqualTo("acct-7");
            assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-05-02T00:00:00Z"));
        } finally {
            InMemorySchemaRegistryClient.dropScope(scope);
        }
    }

    private static String header(final SourceRecord record, final String name) {
        return (String) record.headers().lastWithName(name).value();
    }
}
