package io.churnwatch.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.events.SupportTicketEvent;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventKindTest {

    @Test
    void shouldFindFeedWhenTopicIsDefault() {
        assertThat(EventKind.forTopic("support-tickets")).contains(EventKind.TICKETS);
    }

    @Test
    void shouldFindNothingWhenTopicIsUnknown() {
        assertThat(EventKind.forTopic("churn-risk-alerts")).isEmpty();
    }

    @Test
    void shouldFindRenamedFeedWhenConfigRenamesTopic() {
        final ChurnConfig config = new ChurnConfig(Map.of(ChurnConfig.TOPIC_BILLING, "acme.billing.v2"));

        assertThat(EventKind.forTopic("acme.billing.v2", config)).contains(EventKind.BILLING);
    }

    @Test
    void shouldParseWithFeedCodecWhenPickedByTopic() {
        final String line = "{\"eventId\":\"t1\",\"accountId\":\"acct-1\",\"ticketId\":\"T1\",\"status\":\"OPENED\","
                + "\"priority\":\"HIGH\",\"category\":\"BUG\",\"occurredAt\":\"2026-01-05T10:00:00Z\"}";

        final ParseResult<?> result = EventKind.forTopic("support-tickets").orElseThrow().codec().parse(line, 1);

        assertThat(result.value()).isInstanceOf(SupportTicketEvent.class);
    }

    @Test
    void shouldKeyRecordWhenCodecIsWildcard() {
        final EventKind kind = EventKind.ACCOUNTS;
        final String line = "{\"accountId\":\"acct-7\",\"name\":\"Acme\",\"segment\":\"LOW_TOUCH\","
                + "\"signedUpAt\":0}";

        final SpecificRecord value = kind.codec().parse(line, 1).value();

        assertThat(kind.codec().accountId(value)).isEqualTo("acct-7");
    }
}
