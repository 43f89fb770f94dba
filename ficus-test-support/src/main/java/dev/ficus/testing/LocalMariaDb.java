package dev.ficus.testing;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The machine's own MariaDB (127.0.0.1:3306, root without a password, binlog off), when it runs: a fresh database
 * per test class. Tests that need it skip themselves when it is absent.
 */
public final class LocalMariaDb {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = Integer.getInteger("ficus.test.local-mariadb.port", 3306);

    private LocalMariaDb() {
    }

    public static DatabaseEndpoint server() {
        return new DatabaseEndpoint(HOST, PORT, "root", Secret.empty(), "");
    }

    public static boolean available() {
        try (Connection c = DriverManager.getConnection(server().mariadbJdbcUrl(), "root", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates an empty database with a unique name and returns its endpoint. */
    public static DatabaseEndpoint freshDatabase(String purpose) throws SQLException {
        String name = "ficus_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(server().mariadbJdbcUrl(), "root", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        return server().withDatabase(name);
    }

    public static void drop(DatabaseEndpoint db) throws SQLException {
        try (Connection c = DriverManager.getConnection(server().mariadbJdbcUrl(), "root", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db.database());
        }
    }
}
