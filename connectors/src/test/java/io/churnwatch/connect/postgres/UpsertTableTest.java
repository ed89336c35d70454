package io.churnwatch.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class UpsertTableTest {

    private static final Schema HEALTH = SchemaBuilder.struct().name("io.churnwatch.signals.HealthScoreUpdate")
            .field("accountId", Schema.STRING_SCHEMA).field("score", Schema.INT32_SCHEMA)
            .field("components", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("asOf", Timestamp.SCHEMA).build();

    @Test
    void shouldOnlyOverwriteOlderRowsWhenAVersionFieldIsSet() {
        final String sql = new UpsertTable("account_health", HEALTH, "accountId", "asOf").upsertSql();

        assertThat(sql).isEqualTo("INSERT INTO \"account_health\" (\"account_id\", \"score\", \"components\", \"as_of\") "
                + "VALUES (?, ?, CAST(? AS jsonb), ?) ON CONFLICT (\"account_id\") DO UPDATE SET \"score\" = "
                + "EXCLUDED.\"score\", \"components\" = EXCLUDED.\"components\", \"as_of\" = EXCLUDED.\"as_of\" "
                + "WHERE \"account_health\".\"as_of\" <= EXCLUDED.\"as_of\"");
    }

    @Test
    void shouldLetTheLastRecordWinWhenNoVersionFieldIsSet() {
        assertThat(new UpsertTable("t", HEALTH, "accountId", "").upsertSql()).doesNotContain("WHERE");
    }

    @Test
    void shouldNameTheMissingFieldWhenTheKeyFieldIsNotInTheSchema() {
        assertThatThrownBy(() -> new UpsertTable("t", HEALTH, "alertId", ""))
                .isInstanceOf(DataException.class).hasMessageContaining("alertId");
    }

    @Test
    void shouldSnakeCaseFieldNamesWhenNamingColumns() {
        assertThat(Column.snakeCase("mrrAtRiskCents")).isEqualTo("mrr_at_risk_cents");
        assertThat(Column.snakeCase("asOf")).isEqualTo("as_of");
    }

    @Test
    void shouldRetryConnectionAndRollbackErrorsButNotDataErrors() {
        assertThat(SqlErrors.retriable("08006")).isTrue();
        assertThat(SqlErrors.retriable("40P01")).isTrue();
        assertThat(SqlErrors.retriable("57P01")).isTrue();
        assertThat(SqlErrors.retriable("22021")).isFalse();
        assertThat(SqlErrors.retriable("23505")).isFalse();
    }
}
