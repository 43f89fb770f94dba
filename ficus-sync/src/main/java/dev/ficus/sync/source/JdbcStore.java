package dev.ficus.sync.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/** Connection details of a JDBC-backed offset or history store; a connection per use (they are rare: one a flush). */
record JdbcStore(String url, String user, String password, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    JdbcStore {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("table name '" + table + "' must be a plain SQL identifier");
        }
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }
}
