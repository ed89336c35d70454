package io.churnwatch.connect.webhook;

import io.churnwatch.connect.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Delivers churnwatch's alerts (or health updates) to a CRM's webhook: reads the configured topics through the
 * worker's converter (with {@code io.churnwatch.connect.converter.ChurnwatchAvroConverter}, the Avro of the
 * contract) and POSTs each value as JSON with an idempotency key ({@link WebhookSinkTask}). Keys are in
 * {@link WebhookSinkConfig}; an example is {@code connectors/config/webhook-sink.json}. Every task gets the same
 * configuration: Connect spreads the topics' partitions over them, and alerts are keyed by account, so one
 * account's alerts stay in one task, in order.
 */
public final class WebhookSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(final Map<String, String> props) {
        new WebhookSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return WebhookSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(final int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return WebhookSinkConfig.CONFIG_DEF;
    }
}
