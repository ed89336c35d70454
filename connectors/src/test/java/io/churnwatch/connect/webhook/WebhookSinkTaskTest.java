package io.churnwatch.connect.webhook;

import static io.churnwatch.connect.webhook.FlakyReceiver.reset;
import static io.churnwatch.connect.webhook.FlakyReceiver.slow;
import static io.churnwatch.connect.webhook.FlakyReceiver.status;
import static io.churnwatch.connect.webhook.FlakyReceiver.tooMany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.connect.testing.ContractRecords;
import io.churnwatch.connect.testing.RecordingContext;
import io.churnwatch.signals.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task against a real local HTTP server that fails on purpose; the worker is a recording stand-in. */
class WebhookSinkTaskTest {

    private final FlakyReceiver receiver = new FlakyReceiver();
    private final ContractRecords alerts = new ContractRecords();
    private final WebhookSinkTask task = new WebhookSinkTask();
    private RecordingContext context = new RecordingContext(true);

    @AfterEach
    void stop() {
        task.stop();
        receiver.close();
    }

    private void start(final String... overrides) {
        final Map<String, String> props = new HashMap<>(Map.of(WebhookSinkConfig.URL, receiver.url(),
                WebhookSinkConfig.RETRY_BACKOFF_MS, "1", WebhookSinkConfig.RETRY_BACKOFF_MAX_MS, "20",
                WebhookSinkConfig.REQUEST_TIMEOUT_MS, "300"));
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        task.initialize(context);
        task.start(props);
    }

    @Test
    void shouldPostTheAlertAsContractJsonWhenTheEndpointAccepts() throws Exception {
        start(WebhookSinkConfig.AUTH_HEADER_VALUE, "Bearer s3cret");

        task.put(List.of(alerts.alert("acct-1", 2, Severity.HIGH, 7)));

        final Map<String, String> request = receiver.requests().get(0);
        final JsonNode body = new ObjectMapper().readTree(request.get("body"));
        assertThat(body.get("accountId").asText()).isEqualTo("acct-1");
        assertThat(body.get("severity").asText()).isEqualTo("HIGH");
        assertThat(body.get("openedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(body.get("reasons").get(1).get("signal").asText()).isEqualTo("SILENCE");
        assertThat(body.get("ownerId").isNull()).isTrue();
        assertThat(request.get("key")).isEqualTo(body.get("alertId").asText() + ":2:OPEN:HIGH");
        assertThat(request.get("auth")).isEqualTo("Bearer s3cret");
        assertThat(task.metrics().deliveredCount()).isEqualTo(1);
    }

    @Test
    void shouldDeliverOnceWhenTheEndpointFailsTransientlyFirst() {
        receiver.then(status(503), tooMany("0"), reset(), slow(1_000), status(500));
        start(WebhookSinkConfig.RETRY_MAX_ATTEMPTS, "10");

        task.put(List.of(alerts.alert("acct-2", 1, Severity.MEDIUM, 0)));

        assertThat(receiver.accepted()).hasSize(1);
        assertThat(task.metrics().retryCount()).isEqualTo(5);
        assertThat(context.reported).isEmpty();
    }

    @Test
    void shouldSendTheRecordToTheDeadLetterQueueAndGoOnWhenTheEndpointRefusesIt() {
        receiver.then(status(422));
        start();
        final SinkRecord refused = alerts.alert("acct-4", 1, Severity.HIGH, 0);

        task.put(List.of(refused, alerts.alert("acct-5", 1, Severity.HIGH, 1)));

        assertThat(context.reported).singleElement().satisfies(r -> {
            assertThat(r.record()).isSameAs(refused);
            assertThat(r.error()).isInstanceOf(WebhookRejectedException.class)
                    .hasMessageContaining("HTTP 422").hasMessageContaining("scripted 422");
        });
        assertThat(receiver.accepted().values()).singleElement().asString().contains("acct-5");
    }

    @Test
    void shouldHandTheBatchBackWithoutResendingWhenAttemptsRunOut() {
        start(WebhookSinkConfig.RETRY_MAX_ATTEMPTS, "2");
        final List<SinkRecord> batch = List.of(alerts.alert("acct-6", 1, Severity.HIGH, 0),
                alerts.alert("acct-7", 1, Severity.HIGH, 1));
        task.put(List.of());
        receiver.then(FlakyReceiver.accept()).then(2, status(502));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class)
                .hasMessageContaining("churn-risk-alerts/0/1").hasMessageContaining("HTTP 502");
        task.put(batch);

        assertThat(context.timeouts).containsExactly(20L);
        assertThat(receiver.requests()).extracting(r -> r.get("body").contains("acct-6")).containsExactly(
                true, false, false, false);
        assertThat(receiver.duplicates()).isZero();
        assertThat(task.metrics().skippedCount()).isEqualTo(1);
    }

    @Test
    void shouldFailWithAClearMessageWhenARecordIsRefusedAndTheWorkerHasNoReporter() {
        context = new RecordingContext(false);
        receiver.then(status(400));
        start();

        assertThatThrownBy(() -> task.put(List.of(alerts.alert("acct-8", 1, Severity.LOW, 0))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("errant-record reporter")
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void shouldDeadLetterTheRecordWhenItsValueLacksAKeyField() {
        start(WebhookSinkConfig.IDEMPOTENCY_FIELDS, "alertId,nonsense");

        task.put(List.of(alerts.alert("acct-9", 1, Severity.LOW, 0)));

        assertThat(context.reported).singleElement().extracting(RecordingContext.Reported::error).asString()
                .contains("nonsense");
        assertThat(receiver.requests()).isEmpty();
    }
}
