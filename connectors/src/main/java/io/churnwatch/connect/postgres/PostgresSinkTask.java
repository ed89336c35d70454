package io.churnwatch.connect.postgres;

import io.churnwatch.connect.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts each put's records into PostgreSQL: one transaction per put, one JDBC batch per table and schema
 * ({@link UpsertTable}), so a put is written whole or not at all. A retriable SQL error ({@link SqlErrors}) rolls
 * back, drops the connection and asks Connect to redeliver the batch after {@code postgres.retry.backoff.ms};
 * offsets are only committed for written batches. Any other error rolls back and writes the batch again record
 * by record, each in its own transaction, sending the records that still fail (and values without a schema or
 * key) to the errant-record reporter with the database's message. Tombstones are skipped: rows are keyed by a
 * value field, not by the record key. Upserts are idempotent, so a batch redelivered after a crash writes the
 * same rows again.
 */
public final class PostgresSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSinkTask.class);

    private final Map<String, UpsertTable> tables = new HashMap<>();
    private PostgresSinkConfig config;
    private Connection connection;
    private ErrantRecordReporter reporter;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(final Map<String, String> props) {
        config = new PostgresSinkConfig(props);
        try {
            reporter = context.errantRecordReporter();
        } catch (final NoSuchMethodError | NoClassDefFoundError e) {
            reporter = null;
        }
    }

    @Override
    public void put(final Collection<SinkRecord> records) {
        final Map<UpsertTable, List<SinkRecord>> batches = new LinkedHashMap<>();
        for (final SinkRecord record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                batches.computeIfAbsent(table(record), t -> new ArrayList<>()).add(record);
            } catch (final DataException e) {
                reject(record, e);
            }
        }
        if (batches.isEmpty()) {
            return;
        }
        try {
            writeAll(batches);
        } catch (final SQLException e) {
            rollbackQuietly();
            if (SqlErrors.retriable(e)) {
                closeConnection();
                context.timeout(config.getLong(PostgresSinkConfig.RETRY_BACKOFF_MS));
                throw new RetriableException("PostgreSQL write failed, Connect redelivers the batch: " + e, e);
            }
            LOG.warn("Batch of {} records failed ({}); writing them one by one", records.size(), e.getMessage());
            batches.forEach(this::writeOneByOne);
        }
    }

    private void writeAll(final Map<UpsertTable, List<SinkRecord>> batches) throws SQLException {
        final Connection db = connection();
        for (final Map.Entry<UpsertTable, List<SinkRecord>> batch : batches.entrySet()) {
            try (PreparedStatement statement = db.prepareStatement(batch.getKey().upsertSql())) {
                for (final SinkRecord record : batch.getValue()) {
                    batch.getKey().bind(statement, (Struct) record.value());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        db.commit();
    }

    private void writeOneByOne(final UpsertTable table, final List<SinkRecord> records) {
        for (final SinkRecord record : records) {
            try {
                writeAll(Map.of(table, List.of(record)));
            } catch (final SQLException e) {
                rollbackQuietly();
                if (SqlErrors.retriable(e)) {
                    closeConnection();
                    context.timeout(config.getLong(PostgresSinkConfig.RETRY_BACKOFF_MS));
                    throw new RetriableException("PostgreSQL write failed, Connect redelivers the batch: " + e, e);
                }
                reject(record, new DataException("PostgreSQL refused the row for " + table.name() + ": "
                        + e.getMessage(), e));
            }
        }
    }

    private UpsertTable table(final SinkRecord record) {
        final Schema schema = record.valueSchema();
        if (!(record.value() instanceof Struct)) {
            throw new DataException("PostgreSQL sink needs struct values with a schema (use ChurnwatchAvroConverter)");
        }
        final String name = config.table(record.topic());
        final String cacheKey = name + "\u0000" + schema.name() + "\u0000" + schema.version() + "\u0000"
                + schema.fields();
        final UpsertTable known = tables.get(cacheKey);
        if (known != null) {
            return known;
        }
        final UpsertTable table = new UpsertTable(name, schema, config.getString(PostgresSinkConfig.KEY_FIELD),
                config.getString(PostgresSinkConfig.VERSION_FIELD));
        if (config.getBoolean(PostgresSinkConfig.AUTO_CREATE)) {
            try {
                table.ensure(connection());
                connection.commit();
            } catch (final SQLException e) {
                rollbackQuietly();
                closeConnection();
                throw new RetriableException("Cannot create or evolve table " + name + ": " + e.getMessage(), e);
            }
        }
        tables.put(cacheKey, table);
        return table;
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            // The driver directly, not DriverManager: in the worker's plugin isolation DriverManager does not
            // see drivers of the plugin's class loader.
            connection = new Driver().connect(config.getString(PostgresSinkConfig.URL), config.connectionProperties());
            if (connection == null) {
                throw new ConnectException("The PostgreSQL driver does not accept " + PostgresSinkConfig.URL);
            }
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void reject(final SinkRecord record, final Exception reason) {
        final String source = record.topic() + "/" + record.kafkaPartition() + "/" + record.kafkaOffset();
        if (reporter == null) {
            throw new ConnectException("Cannot write " + source + " and this worker has no errant-record reporter: "
                    + reason.getMessage(), reason);
        }
        LOG.warn("Sending {} to the dead-letter queue: {}", source, reason.getMessage());
        reporter.report(record, reason);
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (final SQLException e) {
            LOG.debug("Rollback failed; the connection is dropped", e);
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (final SQLException e) {
            LOG.debug("Closing the connection failed", e);
        }
        connection = null;
    }

    @Override
    public void stop() {
        closeConnection();
    }
}
