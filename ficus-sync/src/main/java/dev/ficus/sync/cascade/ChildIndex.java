package dev.ficus.sync.cascade;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ficus.core.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which child rows refer to which parent key, per followed foreign key, in PostgreSQL
 * ({@code sync_cascade_children}): the one thing the database no longer tells once InnoDB has applied a SET NULL (the
 * child now refers to nothing) or a CASCADE (the child is gone). One row per child row of a followed key, holding the
 * child's identifying columns ({@link ForeignKeys#rowImage}). {@code sync_cascade_keys} records which keys were built
 * from a full read of their child table, with the definition they were built for.
 */
public final class ChildIndex {
    private static final long LOCK_ID = 0x6669637573_02L;
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };
    private static final String UPSERT = "INSERT INTO sync_cascade_children (foreign_key, child_key, parent_key, child_row) "
            + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::jsonb[]) "
            + "ON CONFLICT (foreign_key, child_key) DO UPDATE SET parent_key = EXCLUDED.parent_key, "
            + "child_row = EXCLUDED.child_row";
    private static final String REMOVE = "DELETE FROM sync_cascade_children c USING unnest(?::text[], ?::text[]) "
            + "AS r(k, ck) WHERE c.foreign_key = r.k AND c.child_key = r.ck";
    private static final String FIND = "SELECT c.foreign_key, c.parent_key, c.child_row FROM sync_cascade_children c "
            + "JOIN unnest(?::text[], ?::text[]) AS l(k, pk) ON c.foreign_key = l.k AND c.parent_key = l.pk";

    private final DataSource ds;

    public ChildIndex(DataSource ds) {
        this.ds = ds;
    }

    /** Creates the tables if they are missing (idempotent, under an advisory lock: several syncs may start at once). */
    public void ensureSchema() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")");
                s.execute("CREATE TABLE IF NOT EXISTS sync_cascade_children (foreign_key text NOT NULL, "
                        + "child_key text NOT NULL, parent_key text NOT NULL, child_row jsonb NOT NULL, "
                        + "PRIMARY KEY (foreign_key, child_key))");
                s.execute("CREATE INDEX IF NOT EXISTS sync_cascade_children_parent "
                        + "ON sync_cascade_children (foreign_key, parent_key)");
                s.execute("CREATE TABLE IF NOT EXISTS sync_cascade_keys (foreign_key text PRIMARY KEY, "
                        + "definition text NOT NULL, built_at timestamptz NOT NULL DEFAULT now())");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The keys built from a full read, each with the definition it was built for. */
    public Map<String, String> built() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT foreign_key, definition FROM sync_cascade_keys")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Drops what is kept for keys no longer followed, and forgets that the {@code stale} ones were built (they are
     * read again in full).
     */
    public void forget(Set<String> followed, Set<String> stale) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement keys = c.prepareStatement("DELETE FROM sync_cascade_keys "
                    + "WHERE NOT (foreign_key = ANY (?::text[])) OR foreign_key = ANY (?::text[])");
                 PreparedStatement children = c.prepareStatement(
                         "DELETE FROM sync_cascade_children WHERE NOT (foreign_key = ANY (?::text[]))")) {
                keys.setArray(1, c.createArrayOf("text", followed.toArray()));
                keys.setArray(2, c.createArrayOf("text", stale.toArray()));
                keys.executeUpdate();
                children.setArray(1, c.createArrayOf("text", followed.toArray()));
                children.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Replaces what is kept for {@code key} with {@code rows} (row images) and records it as built. */
    public void rebuild(ForeignKey key, ForeignKeys keys, Iterable<Map<String, Object>> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM sync_cascade_children WHERE foreign_key = ?")) {
                    ps.setString(1, key.id());
                    ps.executeUpdate();
                }
                List<Cascades.Mutation> chunk = new ArrayList<>();
                for (Map<String, Object> row : rows) {
                    String parent = key.childKeyOf(row);
                    if (parent != null) {
                        chunk.add(new Cascades.Mutation(key, keys.rowKey(key.childTable(), row), parent, row));
                    }
                    if (chunk.size() == 5_000) {
                        upsert(c, chunk);
                        chunk.clear();
                    }
                }
                upsert(c, chunk);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_cascade_keys (foreign_key, definition) "
                        + "VALUES (?, ?) ON CONFLICT (foreign_key) DO UPDATE SET definition = EXCLUDED.definition, "
                        + "built_at = now()")) {
                    ps.setString(1, key.id());
                    ps.setString(2, key.definition());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The child rows kept for each lookup. */
    public Map<Cascades.Lookup, List<Map<String, Object>>> find(Collection<Cascades.Lookup> lookups)
            throws SQLException {
        Map<String, Cascades.Lookup> byId = new HashMap<>();
        for (Cascades.Lookup l : lookups) {
            byId.put(l.key().id() + "\u0000" + l.parentKey(), l);
        }
        Map<Cascades.Lookup, List<Map<String, Object>>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setArray(1, c.createArrayOf("text", lookups.stream().map(l -> l.key().id()).toArray()));
            ps.setArray(2, c.createArrayOf("text", lookups.stream().map(Cascades.Lookup::parentKey).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Cascades.Lookup l = byId.get(rs.getString(1) + "\u0000" + rs.getString(2));
                    out.computeIfAbsent(l, k -> new ArrayList<>()).add(parse(rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** Applies the mutations of one batch in one transaction. */
    public void apply(List<Cascades.Mutation> mutations) throws SQLException {
        if (mutations.isEmpty()) {
            return;
        }
        List<Cascades.Mutation> upserts = mutations.stream().filter(m -> m.parentKey() != null).toList();
        List<Cascades.Mutation> removals = mutations.stream().filter(m -> m.parentKey() == null).toList();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!removals.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(REMOVE)) {
                        ps.setArray(1, c.createArrayOf("text", removals.stream().map(m -> m.key().id()).toArray()));
                        ps.setArray(2, c.createArrayOf("text", removals.stream().map(Cascades.Mutation::rowKey).toArray()));
                        ps.executeUpdate();
                    }
                }
                upsert(c, upserts);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void upsert(Connection c, List<Cascades.Mutation> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // one child row at most once per statement: ON CONFLICT cannot update a row twice
        Map<String, Cascades.Mutation> unique = new LinkedHashMap<>();
        rows.forEach(m -> unique.put(m.key().id() + "\u0000" + m.rowKey(), m));
        List<Cascades.Mutation> list = List.copyOf(unique.values());
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setArray(1, c.createArrayOf("text", list.stream().map(m -> m.key().id()).toArray()));
            ps.setArray(2, c.createArrayOf("text", list.stream().map(Cascades.Mutation::rowKey).toArray()));
            ps.setArray(3, c.createArrayOf("text", list.stream().map(Cascades.Mutation::parentKey).toArray()));
            ps.setArray(4, c.createArrayOf("text", list.stream().map(m -> json(m.row())).toArray()));
            ps.executeUpdate();
        }
    }

    private static String json(Map<String, Object> row) {
        Map<String, Object> plain = new LinkedHashMap<>();
        // numbers stay numbers (handlers read keys as numbers); anything else as the text Keys uses
        row.forEach((k, v) -> plain.put(k, v == null || v instanceof Number ? v : Keys.text(v)));
        try {
            return Json.mapper().writeValueAsString(plain);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a child row as JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parse(String json) throws SQLException {
        try {
            Map<String, Object> row = Json.mapper().readValue(json, ROW);
            row.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
            return row;
        } catch (Exception e) {
            throw new SQLException("sync_cascade_children holds a row that is not JSON: " + e.getMessage(), e);
        }
    }
}
