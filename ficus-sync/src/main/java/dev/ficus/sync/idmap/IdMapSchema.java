package dev.ficus.sync.idmap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates {@code magento_id_map} if it is missing. The DDL is idempotent and taken under a transaction-scoped
 * advisory lock, so two sync processes (or a service that creates it for its own tests) can start at once. The table
 * lives in the default search path, where the plan's consistency script looks for it.
 */
public final class IdMapSchema {
    private static final long LOCK_ID = 0x6669637573_01L;

    private IdMapSchema() {
    }

    public static void ensure(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")");
                s.execute("CREATE TABLE IF NOT EXISTS magento_id_map ("
                        + "entity_type text NOT NULL, "
                        + "magento_id bigint NOT NULL, "
                        + "platform_uuid uuid NOT NULL UNIQUE, "
                        + "created_at timestamptz NOT NULL DEFAULT now(), "
                        + "PRIMARY KEY (entity_type, magento_id))");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
