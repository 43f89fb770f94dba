package dev.ficus.sync.source;

import io.debezium.config.Configuration;
import io.debezium.document.DocumentReader;
import io.debezium.document.DocumentWriter;
import io.debezium.relational.history.AbstractSchemaHistory;
import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/** Debezium's schema history in a PostgreSQL table ({@code <prefix>_schema_history}), replayed in insertion order. */
public class JdbcSchemaHistory extends AbstractSchemaHistory {
    private final DocumentWriter writer = DocumentWriter.defaultWriter();
    private final DocumentReader reader = DocumentReader.defaultReader();
    private JdbcStore store;

    @Override
    public void configure(Configuration config, HistoryRecordComparator comparator, SchemaHistoryListener listener,
                          boolean useCatalogBeforeSchema) {
        super.configure(config, comparator, listener, useCatalogBeforeSchema);
        String p = OffsetStores.HISTORY_PREFIX;
        store = new JdbcStore(config.getString(p + OffsetStores.JDBC_URL), config.getString(p + OffsetStores.JDBC_USER),
                config.getString(p + OffsetStores.JDBC_PASSWORD), config.getString(p + OffsetStores.JDBC_TABLE));
    }

    @Override
    protected void storeRecord(HistoryRecord record) throws SchemaHistoryException {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + store.table() + " (record) VALUES (?)")) {
            ps.setString(1, writer.write(record.document()));
            ps.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new SchemaHistoryException("cannot append to schema history " + store.table() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    protected void recoverRecords(Consumer<HistoryRecord> records) {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record FROM " + store.table() + " ORDER BY id")) {
            while (rs.next()) {
                records.accept(new HistoryRecord(reader.read(rs.getString(1))));
            }
        } catch (SQLException | IOException e) {
            throw new SchemaHistoryException("cannot read schema history " + store.table() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists() {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            if (!tableExists(c)) {
                return false;
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + store.table() + " LIMIT 1")) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new SchemaHistoryException("cannot read schema history " + store.table() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean storageExists() {
        try (Connection c = store.connect()) {
            return tableExists(c);
        } catch (SQLException e) {
            throw new SchemaHistoryException("cannot reach schema history " + store.table() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void initializeStorage() {
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + store.table() + " (id bigserial PRIMARY KEY, record text NOT NULL, "
                    + "created_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new SchemaHistoryException("cannot create schema history " + store.table() + ": " + e.getMessage(), e);
        }
    }

    private boolean tableExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, store.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL table " + store.table();
    }
}
