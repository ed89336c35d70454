package io.churnwatch.connect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresIT {

    @Test
    void shouldRunARealServerWithLogicalWalWhenStarted() throws Exception {
        try (EmbeddedPostgres postgres = TestPostgres.start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet wal = statement.executeQuery("SHOW wal_level")) {
            assertThat(wal.next()).isTrue();
            assertThat(wal.getString(1)).isEqualTo("logical");
        }
    }
}
