package dev.ficus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.devstack.ServerChoice;
import dev.ficus.devstack.redis.RespClient;

/** Named so that surefire's "Test*" pattern does not pick it up: it is an integration test for failsafe. */
class SharedTestServersIT {

    @Test
    void theSharedStackIsStartedOnce() {
        assertThat(TestServers.stack()).isSameAs(TestServers.stack());
    }

    @Test
    void theEmbeddedMariadbHasTheBinlogInRowFormat() throws SQLException {
        assumeTrue(TestServers.stack().settings().mariadb() instanceof ServerChoice.Embedded,
                "an external MariaDB is configured as it is");
        try (Connection connection = JdbcConnections.mariadb(TestServers.mariadb());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW VARIABLES LIKE 'binlog_format'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isEqualTo("ROW");
        }
    }

    @Test
    void freshMariadbDatabasesAreEmptyAndApart() throws SQLException {
        DatabaseEndpoint first = TestServers.freshMariadbDatabase(SharedTestServersIT.class);
        DatabaseEndpoint second = TestServers.freshMariadbDatabase(SharedTestServersIT.class);

        assertThat(first.database()).startsWith("t_sharedtestserversit_").isNotEqualTo(second.database());
        try (Connection connection = JdbcConnections.mariadb(first);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE catalog_product_entity (entity_id INT PRIMARY KEY)");
            statement.execute("INSERT INTO catalog_product_entity VALUES (7)");
        }
        assertThat(tableCount(JdbcConnections.mariadb(second),
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")).isZero();
    }

    @Test
    void freshPostgresDatabasesAreEmptyAndApart() throws SQLException {
        DatabaseEndpoint first = TestServers.freshPostgresDatabase(SharedTestServersIT.class);
        DatabaseEndpoint second = TestServers.freshPostgresDatabase(SharedTestServersIT.class);

        assertThat(first.database()).isNotEqualTo(second.database());
        try (Connection connection = JdbcConnections.postgres(first);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE products (id UUID PRIMARY KEY)");
        }
        assertThat(tableCount(JdbcConnections.postgres(second),
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
    }

    @Test
    void freshRedisDatabasesAreEmptyAndApart() throws IOException {
        TestRedisDatabase first = TestServers.freshRedisDatabase();
        TestRedisDatabase second = TestServers.freshRedisDatabase();
        assertThat(first.index()).isPositive().isNotEqualTo(second.index());
        assertThat(first.uri()).endsWith(":" + first.endpoint().port() + "/" + first.index());

        try (RespClient client = RespClient.connect(first.endpoint(), Duration.ofSeconds(5))) {
            client.command("SELECT", Integer.toString(first.index()));
            client.command("XADD", "migration.product.changed", "*", "data", "{}");
            client.command("SELECT", Integer.toString(second.index()));
            assertThat(client.command("EXISTS", "migration.product.changed")).isEqualTo(0L);
        }
    }

    @Test
    void redisKeyPrefixesDifferPerCall() {
        assertThat(TestServers.freshRedisKeyPrefix(SharedTestServersIT.class))
                .startsWith("t_sharedtestserversit_").endsWith(":")
                .isNotEqualTo(TestServers.freshRedisKeyPrefix(SharedTestServersIT.class));
    }

    private static long tableCount(Connection connection, String sql) throws SQLException {
        try (connection;
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
