package dev.ficus.sync.preflight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The privileges Debezium's MySQL/MariaDB connectors need, checked for the login the sync uses, read from
 * information_schema (global privileges, plus SELECT granted on the Magento database alone). MariaDB 10.5 renamed
 * REPLICATION CLIENT to BINLOG MONITOR; either satisfies the check.
 */
final class GrantChecks {
    private GrantChecks() {
    }

    static List<CheckResult> run(Connection c, ServerFacts s, String database) throws SQLException {
        String currentUser = currentUser(c);
        String grantee = grantee(currentUser);
        Set<String> global = privileges(c, "SELECT privilege_type FROM information_schema.user_privileges WHERE grantee = ?",
                grantee);
        Set<String> onDatabase = privileges(c, "SELECT privilege_type FROM information_schema.schema_privileges"
                + " WHERE grantee = ? AND table_schema = '" + database.replace("'", "''") + "'", grantee);
        String to = " TO " + quoted(currentUser) + ";";
        List<CheckResult> out = new ArrayList<>();
        boolean select = global.contains("SELECT") || onDatabase.contains("SELECT");
        out.add(select ? CheckResult.pass("grant SELECT", "on " + (global.contains("SELECT") ? "*.*" : database + ".*"))
                : CheckResult.fail("grant SELECT", currentUser + " cannot read " + database,
                "GRANT SELECT ON `" + database + "`.*" + to));
        out.add(global("RELOAD", global, currentUser, to, "snapshots take FLUSH TABLES locks"));
        out.add(global("SHOW DATABASES", global, currentUser, to, "the connector lists databases"));
        out.add(global("REPLICATION SLAVE", global, currentUser, to, "reading the binlog is a replica's right"));
        boolean monitor = global.contains("REPLICATION CLIENT") || global.contains("BINLOG MONITOR");
        String monitorName = s.flavor() == ServerFlavor.MARIADB ? "BINLOG MONITOR" : "REPLICATION CLIENT";
        out.add(monitor ? CheckResult.pass("grant " + monitorName, "held (REPLICATION CLIENT / BINLOG MONITOR)")
                : CheckResult.fail("grant " + monitorName, currentUser + " lacks it; SHOW MASTER STATUS / SHOW BINARY LOGS need it",
                "GRANT " + monitorName + " ON *.*" + to));
        return out;
    }

    private static CheckResult global(String privilege, Set<String> held, String user, String to, String why) {
        return held.contains(privilege) ? CheckResult.pass("grant " + privilege, "on *.*")
                : CheckResult.fail("grant " + privilege, user + " lacks it; " + why, "GRANT " + privilege + " ON *.*" + to);
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code user@host} → {@code 'user'@'host'}, the form information_schema uses for the grantee. */
    private static String grantee(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        return "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }

    private static String quoted(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        return "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }

    private static Set<String> privileges(Connection c, String sql, String grantee) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, grantee);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
