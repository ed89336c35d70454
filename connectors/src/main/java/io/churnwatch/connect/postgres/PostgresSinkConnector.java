package io.churnwatch.connect.postgres;

import io.churnwatch.connect.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Keeps PostgreSQL tables equal to churnwatch's topics: {@code churn_risk_alerts} by {@code alert_id} (the latest
 * revision of each alert) and {@code account_health} by {@code account_id} (the current health of each account),
 * upserted from the records' values ({@link PostgresSinkTask}), tables created from the contract's schema. A CRM
 * or BI tool that reads SQL then needs no Kafka at all. Keys in {@link PostgresSinkConfig}; examples in
 * {@code connectors/config/postgres-*.json}.
 */
public final class PostgresSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(final Map<String, String> props) {
        new PostgresSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PostgresSinkTask.class;
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
        return PostgresSinkConfig.CONFIG_DEF;
    }
}
