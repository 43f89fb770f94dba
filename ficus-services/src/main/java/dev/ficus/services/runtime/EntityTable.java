package dev.ficus.services.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A read model that keeps one row per entity, declared once: its table, the key column (the entity's Magento id),
 * the columns copied out of the record for lookups and searches, and how the entity's answer is rendered. The writer
 * ({@link #writer()}) and the readers ({@link #answer}, {@link #items}) are derived from the declaration, so the SQL
 * of a model is written in one place.
 *
 * <p>Every row holds the sync's record ({@code record} jsonb, what searches filter on) and the answer rendered from
 * it when the event was applied ({@code answer} bytea, with {@code renderer}, the {@link #rendererVersion} that
 * wrote it): a read takes the bytes as they are.
 *
 * @param table           the table
 * @param type            the entity type its events carry
 * @param key             the key column, which holds the event's Magento id
 * @param columns         the other columns, each read from the event
 * @param render          the answer of a record, as Magento writes it
 * @param rendererVersion raise it whenever a change alters the bytes {@code render} writes: rows of another version
 *                        are rendered again at start ({@link #renderStale})
 */
public record EntityTable(String table, EntityType type, String key, List<Column> columns,
                          Function<JsonNode, String> render, int rendererVersion) {
    private static final int RENDER_BATCH = 200;

    public EntityTable {
        columns = List.copyOf(columns);
    }

    /** A column and where its value comes from. */
    public record Column(String name, Value value) {
        /** The event's platform UUID. */
        public static Column platformId(String name) {
            return new Column(name, (ps, i, e) -> ps.setObject(i, e.id()));
        }

        /** A text field of the record (null when missing). */
        public static Column text(String field) {
            return new Column(field, (ps, i, e) -> RecordFields.setText(ps, i, RecordFields.text(e.record(), field)));
        }

        /** A text field the model cannot do without: an event whose record lacks it fails. */
        public static Column requiredText(String field) {
            return new Column(field, (ps, i, e) -> ps.setString(i, RecordFields.requiredText(e.record(), field)));
        }

        /** A whole number field of the record. */
        public static Column whole(String field) {
            return new Column(field, (ps, i, e) -> RecordFields.setLong(ps, i, e.record(), field));
        }

        /** A Magento date-time field of the record, as a UTC timestamp. */
        public static Column time(String field) {
            return new Column(field, (ps, i, e) -> RecordFields.setTimestamp(ps, i, e.record(), field));
        }
    }

    /** Binds a column's value from an event. */
    @FunctionalInterface
    public interface Value {
        void bind(PreparedStatement ps, int index, ChangeEvent event) throws SQLException;
    }

    /** Upserts replace the row (record, columns and answer), deletes remove it. */
    public ReadModelWriter writer() {
        return new EntityTableWriter(this);
    }

    /** {@code INSERT … ON CONFLICT (key) DO UPDATE}: key, the columns, record, answer, renderer. */
    String upsertSql() {
        List<String> names = new ArrayList<>();
        names.add(key);
        columns.forEach(c -> names.add(c.name()));
        names.add("record");
        names.add("answer");
        names.add("renderer");
        String values = names.stream().map(n -> n.equals("record") ? "?::jsonb" : "?")
                .collect(Collectors.joining(", "));
        String updates = names.stream().filter(n -> !n.equals(key)).map(n -> n + " = EXCLUDED." + n)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + values + ") ON CONFLICT ("
                + key + ") DO UPDATE SET " + updates;
    }

    /** The rendered answer of a record, as stored. */
    byte[] rendered(JsonNode record) {
        return render.apply(record).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The stored answer of the first row matching {@code where} (with {@code tail}: an ORDER BY, a LIMIT), if any.
     */
    public Optional<byte[]> answer(Connection c, String where, List<Object> params, String tail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT answer FROM " + table + " WHERE " + where + tail)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The stored answers of the rows matching {@code where}, in the order {@code tail} gives: a search's items. */
    public List<String> items(Connection c, String where, List<Object> params, String tail) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT answer FROM " + table + " WHERE " + where + tail)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /**
     * Renders the answer of every row that has none or one of another renderer version (rows stored before answers
     * were, and every row after the rendering changed). A row an event replaces meanwhile keeps the event's answer:
     * the update only applies while the row still has the old version.
     *
     * @return the rows rendered
     */
    public int renderStale(DataSource dataSource) throws SQLException {
        int rendered = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> keys = new ArrayList<>();
            List<String> records = new ArrayList<>();
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + key + ", record FROM " + table + " WHERE "
                        + key + " > ? AND renderer IS DISTINCT FROM ? ORDER BY " + key + " LIMIT ?")) {
                    ps.setLong(1, after);
                    ps.setInt(2, rendererVersion);
                    ps.setInt(3, RENDER_BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getLong(1));
                            records.add(rs.getString(2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET answer = ?, renderer = ? "
                        + "WHERE " + key + " = ? AND renderer IS DISTINCT FROM ?")) {
                    for (int i = 0; i < keys.size(); i++) {
                        ps.setBytes(1, rendered(Json.read(records.get(i))));
                        ps.setInt(2, rendererVersion);
                        ps.setLong(3, keys.get(i));
                        ps.setInt(4, rendererVersion);
                        rendered += ps.executeUpdate();
                    }
                }
            }
            if (keys.size() < RENDER_BATCH) {
                return rendered;
            }
            after = keys.get(keys.size() - 1);
        }
    }
}
