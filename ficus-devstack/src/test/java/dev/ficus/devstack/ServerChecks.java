package dev.ficus.devstack;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.process.ProcessLiveness;
import dev.ficus.devstack.redis.RespClient;

/** Small real-server helpers shared by the integration tests. */
final class ServerChecks {
    private ServerChecks() {
    }

    static Map<String, String> mariadbVariables(DatabaseEndpoint endpoint, String... names) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = JdbcConnections.mariadb(endpoint);
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet rows = statement.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
                    while (rows.next()) {
                        values.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return values;
    }

    static String queryOne(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static Object redis(RedisEndpoint endpoint, String... command) throws IOException {
        try (RespClient client = RespClient.connect(endpoint, Duration.ofSeconds(5))) {
            return client.command(command);
        }
    }

    static List<ProcessHandle> running(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessLiveness::isRunning).toList();
    }
}
