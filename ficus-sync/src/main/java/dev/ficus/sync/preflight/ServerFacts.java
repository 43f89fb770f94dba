package dev.ficus.sync.preflight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The server's version and the global variables the checks read, fetched once. */
record ServerFacts(String version, String versionComment, ServerFlavor flavor, Map<String, String> variables) {

    static ServerFacts read(Connection c) throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin', 'binlog_format',"
                    + " 'binlog_row_image', 'server_id', 'binlog_expire_logs_seconds', 'expire_logs_days', 'version',"
                    + " 'version_comment', 'gtid_mode')")) {
                while (rs.next()) {
                    vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
        }
        String version = vars.getOrDefault("version", "");
        String comment = vars.getOrDefault("version_comment", "");
        return new ServerFacts(version, comment, ServerFlavor.detect(version, comment), vars);
    }

    String get(String name) {
        return variables.getOrDefault(name, "");
    }
}
