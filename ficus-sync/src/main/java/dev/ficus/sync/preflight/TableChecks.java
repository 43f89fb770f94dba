package dev.ficus.sync.preflight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table the sync captures must exist and have a primary key: change events are keyed by it, and a table
 * without one cannot be snapshotted in chunks or told apart row by row.
 */
final class TableChecks {
    private TableChecks() {
    }

    static List<CheckResult> run(Connection c, String database, List<String> tables) throws SQLException {
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.table_name, k.column_name FROM information_schema.tables t"
                + " LEFT JOIN information_schema.key_column_usage k ON k.table_schema = t.table_schema"
                + " AND k.table_name = t.table_name AND k.constraint_name = 'PRIMARY'"
                + " WHERE t.table_schema = ? ORDER BY t.table_name, k.ordinal_position")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> columns = primaryKeys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>());
                    if (rs.getString(2) != null) {
                        columns.add(rs.getString(2));
                    }
                }
            }
        }
        List<CheckResult> out = new ArrayList<>();
        for (String table : tables) {
            String check = "table " + table;
            List<String> pk = primaryKeys.get(table);
            if (pk == null) {
                out.add(CheckResult.fail(check, "missing from " + database,
                        "point magento.database.database at Magento's schema, or remove " + table + " from sync.tables"));
            } else if (pk.isEmpty()) {
                out.add(CheckResult.fail(check, "has no primary key",
                        "ALTER TABLE `" + table + "` ADD PRIMARY KEY (...);  (or remove it from sync.tables)"));
            } else {
                out.add(CheckResult.pass(check, "primary key (" + String.join(", ", pk) + ")"));
            }
        }
        return out;
    }
}
