package io.churnwatch.connect.postgres;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The PostgreSQL upsert sink's keys, each declared once; the table in {@code connectors/README.md} is generated
 * from {@link #CONFIG_DEF}. The password is {@code PASSWORD}-typed (masked by Connect, resolvable through a
 * {@code ConfigProvider}).
 */
public final class PostgresSinkConfig extends AbstractConfig {

    public static final String URL = "postgres.url";
    public static final String USER = "postgres.user";
    public static final String PASSWORD = "postgres.password";
    public static final String TABLE_FORMAT = "postgres.table.name.format";
    public static final String KEY_FIELD = "postgres.key.field";
    public static final String VERSION_FIELD = "postgres.version.field";
    public static final String AUTO_CREATE = "postgres.auto.create";
    public static final String RETRY_BACKOFF_MS = "postgres.retry.backoff.ms";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new JdbcUrl(), Importance.HIGH,
                    "The database, as a JDBC URL: jdbc:postgresql://host:5432/db.")
            .define(USER, Type.STRING, null, Importance.HIGH, "The database user; the URL's when unset.")
            .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                    "The user's password; use a ConfigProvider reference rather than the secret itself.")
            .define(TABLE_FORMAT, Type.STRING, "${topic}", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "The table of a topic's records; ${topic} stands for the topic, with '-' and '.' as '_'.")
            .define(KEY_FIELD, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The value field that is the row's primary key: alertId for churn-risk-alerts, "
                            + "accountId for account-health (the current health of each account).")
            .define(VERSION_FIELD, Type.STRING, "", Importance.MEDIUM,
                    "A value field that orders versions of a row (revision for alerts, asOf for health): a record "
                            + "older than the stored row never overwrites it, so a replay or a late redelivery "
                            + "cannot roll a row back. Empty: the last record written wins.")
            .define(AUTO_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Create a missing table, and add the columns of new optional fields, from the records' schema.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long Connect waits before redelivering a batch that met a retriable SQL error (lost "
                            + "connection, deadlock or serialization failure, out of resources, lock not available, "
                            + "server shutting down).");

    public PostgresSinkConfig(final Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    /** The driver's connection properties: user and password when configured. */
    public Properties connectionProperties() {
        final Properties props = new Properties();
        if (getString(USER) != null) {
            props.setProperty("user", getString(USER));
        }
        final Password password = getPassword(PASSWORD);
        if (password != null) {
            props.setProperty("password", password.value());
        }
        return props;
    }

    /** The table of {@code topic}'s records. */
    public String table(final String topic) {
        return getString(TABLE_FORMAT).replace("${topic}", topic).replace('-', '_').replace('.', '_');
    }

    /** A {@code jdbc:postgresql:} URL. */
    static final class JdbcUrl implements ConfigDef.Validator {
        @Override
        public void ensureValid(final String name, final Object value) {
            if (value == null || !value.toString().startsWith("jdbc:postgresql:")) {
                throw new ConfigException(name, value, "must be a jdbc:postgresql://host:port/database URL");
            }
        }

        @Override
        public String toString() {
            return "jdbc:postgresql: URL";
        }
    }
}
