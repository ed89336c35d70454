package io.churnwatch.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class JsonlCodecTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00.123Z");

    @Test
    void shouldRoundTripUsageEventWhenWrittenAndParsed() {
        final UsageEvent event = new UsageEvent("e1", "acct-1", "u1", UsageKind.ACTIVITY, "reports.export", 7, AT);

        assertThat(roundTrip(JsonlCodec.usage(), event)).isEqualTo(event);
    }

    @Test
    void shouldRoundTripTicketEventWhenWrittenAndParsed() {
        final SupportTicketEvent event = new SupportTicketEvent("e2", "acct-1", "T-9", TicketStatus.REOPENED,
                TicketPriority.URGENT, TicketCategory.CANCELLATION_INTENT, AT);

        assertThat(roundTrip(JsonlCodec.tickets(), event)).isEqualTo(event);
    }

    @Test
    void shouldRoundTripBillingEventWhenWrittenAndParsed() {
        final BillingEvent event = new BillingEvent("e3", "acct-1", BillingEventType.PAYMENT_FAILED, 49_900L, "EUR",
                null, AT);

        assertThat(roundTrip(JsonlCodec.billing(), event)).isEqualTo(event);
    }

    @Test
    void shouldRoundTripAccountProfileWhenWrittenAndParsed() {
        final AccountProfile profile = new AccountProfile("acct-1", "Acme Labs GmbH", Segment.HIGH_TOUCH, "csm-01",
                AT, AT.plusSeconds(86_400L * 365), "Europe/Berlin");

        assertThat(roundTrip(JsonlCodec.accounts(), profile)).isEqualTo(profile);
    }

    @Test
    void shouldWriteContractFieldNamesAndIsoUtcWhenWriting() {
        final UsageEvent event = new UsageEvent("e1", "acct-1", null, UsageKind.LOGIN, null, 1,
                Instant.parse("2026-01-05T10:00:00Z"));

        assertThat(JsonlCodec.usage().write(event)).isEqualTo("{\"eventId\":\"e1\",\"accountId\":\"acct-1\","
                + "\"userId\":null,\"kind\":\"LOGIN\",\"feature\":null,\"quantity\":1,"
                + "\"occurredAt\":\"2026-01-05T10:00:00Z\"}");
    }

    @Test
    void shouldReadEpochMillisWhenTimestampIsNumber() {
        final ParseResult<UsageEvent> result = JsonlCodec.usage().parse(
                usageLine("\"occurredAt\":" + AT.toEpochMilli()), 1);

        assertThat(result.value().getOccurredAt()).isEqualTo(AT);
    }

    @Test
    void shouldReadOffsetWhenTimestampHasOffset() {
        final ParseResult<UsageEvent> result = JsonlCodec.usage().parse(
                usageLine("\"occurredAt\":\"2026-01-05T11:00:00.123+01:00\""), 1);

        assertThat(result.value().getOccurredAt()).isEqualTo(AT);
    }

    @Test
    void shouldDefaultQuantityAndNullablesWhenAbsent() {
        final UsageEvent event = JsonlCodec.usage().parse(
                "{\"eventId\":\"e\",\"accountId\":\"a\",\"kind\":\"LOGIN\",\"occurredAt\":0}", 1).value();

        assertThat(event.getQuantity()).isEqualTo(1);
        assertThat(event.getUserId()).isNull();
        assertThat(event.getFeature()).isNull();
    }

    @Test
    void shouldIgnoreUnknownPropertiesWhenParsing() {
        final ParseResult<UsageEvent> result = JsonlCodec.usage().parse(usageLine("\"extra\":{\"x\":1}"), 1);

        assertThat(result.isOk()).isTrue();
    }

    @Test
    void shouldRejectWithLineNumberWhenLineIsNotJson() {
        final ParseResult<UsageEvent> result = JsonlCodec.usage().parse("{\"eventId\":", 42);

        assertThat(result.isOk()).isFalse();
        assertThat(result.lineNo()).isEqualTo(42);
        assertThat(result.reason()).startsWith("not valid JSON").doesNotContain("\n");
        assertThat(result.rawLine()).isEqualTo("{\"eventId\":");
    }

    @Test
    void shouldRejectWhenTrailingContentFollowsObject() {
        assertThat(reason(usageLine("") + " {}")).startsWith("not valid JSON");
    }

    @Test
    void shouldRejectWhenLineIsNotAnObject() {
        assertThat(reason("[1,2]")).isEqualTo("not a JSON object but ARRAY");
    }

    @Test
    void shouldRejectWhenRequiredFieldIsMissing() {
        assertThat(reason("{\"eventId\":\"e\",\"accountId\":\"a\",\"occurredAt\":0}"))
                .isEqualTo("missing required field 'kind'");
    }

    @Test
    void shouldRejectWhenRequiredFieldIsNull() {
        assertThat(reason(usageLine("\"eventId\":null"))).isEqualTo("field 'eventId' must not be null");
    }

    @Test
    void shouldRejectWhenFieldHasWrongType() {
        assertThat(reason(usageLine("\"quantity\":\"3\"")))
                .isEqualTo("field 'quantity' must be a 32-bit integer, got string \"3\"");
    }

    @Test
    void shouldRejectWhenIntegerFieldHasFraction() {
        assertThat(reason(usageLine("\"quantity\":1.5"))).startsWith("field 'quantity' must be a 32-bit integer");
    }

    @Test
    void shouldRejectWhenStringFieldIsNumber() {
        assertThat(reason(usageLine("\"eventId\":17"))).startsWith("field 'eventId' must be a string");
    }

    @Test
    void shouldRejectWhenEnumSymbolIsUnknown() {
        assertThat(reason(usageLine("\"kind\":\"LOGOUT\"")))
                .isEqualTo("unknown symbol 'LOGOUT' for field 'kind' (expected one of LOGIN, ACTIVITY)");
    }

    @Test
    void shouldRejectWhenAccountIdIsEmpty() {
        assertThat(reason(usageLine("\"accountId\":\" \""))).isEqualTo("field 'accountId' must not be empty");
    }

    @Test
    void shouldRejectWhenTimestampHasNoOffset() {
        assertThat(reason(usageLine("\"occurredAt\":\"2026-01-05T10:00:00\"")))
                .startsWith("field 'occurredAt' is not an ISO-8601 timestamp with offset");
    }

    @Test
    void shouldRejectWhenLineIsBlank() {
        assertThat(reason("   ")).isEqualTo("empty line");
    }

    @Test
    void shouldReturnAccountIdWhenAskedForKey() {
        final UsageEvent event = JsonlCodec.usage().parse(usageLine(""), 1).value();

        assertThat(JsonlCodec.usage().accountId(event)).isEqualTo("acct-1");
    }

    private static <T extends SpecificRecord> T roundTrip(final JsonlCodec<T> codec, final T record) {
        return codec.parse(codec.write(record), 1).value();
    }

    private static String reason(final String line) {
        return JsonlCodec.usage().parse(line, 1).reason();
    }

    /** A valid usage line, with {@code override} (one {@code "key":value} property) replacing or adding one. */
    private static String usageLine(final String override) {
        final String base = "\"eventId\":\"e1\",\"accountId\":\"acct-1\",\"kind\":\"LOGIN\","
                + "\"occurredAt\":\"2026-01-05T10:00:00Z\"";
        if (override.isEmpty()) {
            return "{" + base + "}";
        }
        final String key = override.substring(0, override.indexOf(':'));
        final String kept = Arrays.stream(base.split(",(?=\")"))
                .filter(p -> !p.startsWith(key + ":")).collect(Collectors.joining(","));
        return "{" + kept + "," + override + "}";
    }
}
