package dev.ficus.sync.cascade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The foreign keys among the captured tables whose delete or update rule is CASCADE or SET NULL (the ones InnoDB
 * applies without a binlog row), read from information_schema, and for each child table the columns that identify a
 * row and say where it belongs: its primary key and every column of any of its foreign keys (what a handler routes a
 * row by).
 */
public final class ForeignKeys {
    private static final String KEYS = "SELECT rc.CONSTRAINT_NAME, rc.TABLE_NAME, rc.REFERENCED_TABLE_NAME, "
            + "rc.DELETE_RULE, rc.UPDATE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME "
            + "FROM information_schema.REFERENTIAL_CONSTRAINTS rc "
            + "JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA "
            + "AND k.TABLE_NAME = rc.TABLE_NAME AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME "
            + "WHERE rc.CONSTRAINT_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL "
            + "ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    private static final String ROW_COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, CONSTRAINT_NAME = 'PRIMARY' FROM information_schema.KEY_COLUMN_USAGE "
            + "WHERE TABLE_SCHEMA = DATABASE() AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL) "
            + "ORDER BY TABLE_NAME, CONSTRAINT_NAME = 'PRIMARY' DESC, CONSTRAINT_NAME, ORDINAL_POSITION";

    private final List<ForeignKey> keys;
    private final Map<String, List<String>> rowColumns;
    private final Map<String, List<String>> primaryKeys;

    /**
     * @param rowColumns  per child table, the columns a row is kept with (primary key first, then foreign key columns)
     * @param primaryKeys per child table, its primary key columns (absent: the table has none)
     */
    public ForeignKeys(List<ForeignKey> keys, Map<String, List<String>> rowColumns,
                       Map<String, List<String>> primaryKeys) {
        this.keys = List.copyOf(keys);
        this.rowColumns = Map.copyOf(rowColumns);
        this.primaryKeys = Map.copyOf(primaryKeys);
    }

    /** Reads them for the tables in {@code captured} (both sides captured) from the connection's database. */
    public static ForeignKeys load(Connection c, Collection<String> captured) throws SQLException {
        Set<String> tables = Set.copyOf(captured);
        Map<String, ForeignKey> byId = new LinkedHashMap<>();
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(KEYS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String child = rs.getString(2);
                String parent = rs.getString(3);
                Rule onDelete = Rule.of(rs.getString(4));
                Rule onUpdate = Rule.of(rs.getString(5));
                if (!tables.contains(child) || !tables.contains(parent)
                        || !onDelete.changesChildren() && !onUpdate.changesChildren()) {
                    continue;
                }
                String id = child + "." + rs.getString(1);
                columns.computeIfAbsent(id, k -> new ArrayList<>()).add(new String[] {rs.getString(6), rs.getString(7)});
                byId.putIfAbsent(id, new ForeignKey(rs.getString(1), child, List.of(), parent, List.of(), onDelete,
                        onUpdate));
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        byId.forEach((id, k) -> keys.add(new ForeignKey(k.name(), k.childTable(),
                columns.get(id).stream().map(p -> p[0]).toList(), k.parentTable(),
                columns.get(id).stream().map(p -> p[1]).toList(), k.onDelete(), k.onUpdate())));
        Set<String> children = new LinkedHashSet<>();
        keys.forEach(k -> children.add(k.childTable()));
        Map<String, Set<String>> rowColumns = new LinkedHashMap<>();
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ROW_COLUMNS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (children.contains(table)) {
                    rowColumns.computeIfAbsent(table, k -> new LinkedHashSet<>()).add(rs.getString(2));
                    if (rs.getBoolean(3)) {
                        primaryKeys.computeIfAbsent(table, k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        rowColumns.forEach((t, cols) -> out.put(t, List.copyOf(cols)));
        return new ForeignKeys(keys, out, primaryKeys);
    }

    /** The keys whose parent is {@code table}. */
    public List<ForeignKey> ofParent(String table) {
        return keys.stream().filter(k -> k.parentTable().equals(table)).toList();
    }

    /** The keys whose child is {@code table}. */
    public List<ForeignKey> ofChild(String table) {
        return keys.stream().filter(k -> k.childTable().equals(table)).toList();
    }

    public List<ForeignKey> all() {
        return keys;
    }

    /** The columns of a child table's row that the index keeps: primary key first, then every foreign key column. */
    public List<String> rowColumns(String table) {
        return rowColumns.getOrDefault(table, List.of());
    }

    /** Only the keys {@code follow} accepts, with the row columns of their child tables. */
    public ForeignKeys only(Predicate<ForeignKey> follow) {
        List<ForeignKey> kept = keys.stream().filter(follow).toList();
        Map<String, List<String>> cols = new LinkedHashMap<>();
        Map<String, List<String>> pks = new LinkedHashMap<>();
        for (ForeignKey k : kept) {
            cols.put(k.childTable(), rowColumns(k.childTable()));
            if (primaryKeys.containsKey(k.childTable())) {
                pks.put(k.childTable(), primaryKeys.get(k.childTable()));
            }
        }
        return new ForeignKeys(kept, cols, pks);
    }

    /** A child row reduced to {@link #rowColumns}: enough to route it and to find it again. */
    public Map<String, Object> rowImage(String table, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String col : rowColumns(table)) {
            out.put(col, row.get(col));
        }
        return out;
    }

    /** The identity of a child row within its table: its primary key (all row columns if it has none). */
    public String rowKey(String table, Map<String, Object> row) {
        String k = Keys.of(row, primaryKeys.getOrDefault(table, List.of()));
        return k != null && !k.isEmpty() ? k : Keys.allOf(row, rowColumns(table));
    }
}
