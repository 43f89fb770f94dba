package dev.ficus.devstack;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.redis.RespClient;

/**
 * Checks that an external server answers before the stack reports it as up, so that a wrong host or password shows
 * at start with the server's name instead of later inside some component. Deeper checks (binlog format, grants)
 * belong to {@code ficus preflight}.
 */
final class ExternalServers {
    private ExternalServers() {
    }

    static void checkMariadb(DatabaseEndpoint endpoint) {
        try (Connection connection = JdbcConnections.mariadb(endpoint)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw unreachable("MariaDB", endpoint.host(), endpoint.port(), e);
        }
    }

    static void checkPostgres(DatabaseEndpoint endpoint) {
        try (Connection connection = JdbcConnections.postgres(endpoint)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw unreachable("PostgreSQL", endpoint.host(), endpoint.port(), e);
        }
    }

    static void checkRedis(RedisEndpoint endpoint) {
        try (RespClient client = RespClient.connect(endpoint, Duration.ofSeconds(5))) {
            client.command("PING");
        } catch (IOException e) {
            throw unreachable("Redis", endpoint.host(), endpoint.port(), e);
        }
    }

    private static DevStackException unreachable(String server, String host, int port, Exception cause) {
        return new DevStackException("external " + server + " at " + host + ":" + port + " does not answer: "
                + cause.getMessage(), cause);
    }
}
