package dev.ficus.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import dev.ficus.core.config.DatabaseEndpoint;

/** Plain JDBC connections to a {@link DatabaseEndpoint}, with short timeouts so a dead server fails fast. */
public final class JdbcConnections {
    private JdbcConnections() {
    }

    public static Connection mariadb(DatabaseEndpoint endpoint) throws SQLException {
        Properties properties = login(endpoint);
        properties.setProperty("connectTimeout", "5000");
        return DriverManager.getConnection(endpoint.mariadbJdbcUrl(), properties);
    }

    public static Connection postgres(DatabaseEndpoint endpoint) throws SQLException {
        Properties properties = login(endpoint);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(endpoint.postgresJdbcUrl(), properties);
    }

    private static Properties login(DatabaseEndpoint endpoint) {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        if (!endpoint.password().isEmpty()) {
            properties.setProperty("password", endpoint.password().reveal());
        }
        return properties;
    }
}
