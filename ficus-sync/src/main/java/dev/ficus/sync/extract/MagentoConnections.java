package dev.ficus.sync.extract;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.sync.eav.Reads;

/**
 * Connections to Magento's database set up the way the extraction reads it, for the sync and for whatever else reads
 * records with the sync's extraction (the consistency check): a record read elsewhere must come out byte for byte as
 * the sync would publish it, and that depends on these settings as much as on the queries.
 */
public final class MagentoConnections {
    private MagentoConnections() {
    }

    public static HikariDataSource pool(String name, DatabaseEndpoint db, Reads reads, int lockWaitSeconds,
                                        int maxSize) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        // tinyInt1isBit=false: Magento's smallint/tinyint flags stay numbers, as its REST API shows them
        c.setJdbcUrl(db.mariadbJdbcUrl() + "?tinyInt1isBit=false&transformedBitIsBoolean=false");
        c.setUsername(db.user());
        c.setPassword(db.password().reveal());
        c.setMaximumPoolSize(maxSize);
        c.setMinimumIdle(1);
        // set up for the configured reads, so that only the rare fallback to snapshot reads changes a connection
        c.setAutoCommit(!reads.transactional());
        c.setReadOnly(true);
        c.setTransactionIsolation(reads.isolationName());
        // TIMESTAMP columns in UTC, as Magento's own connections read them; how long a locking read waits (Reads)
        c.setConnectionInitSql("SET time_zone = '+00:00', innodb_lock_wait_timeout = " + lockWaitSeconds);
        c.setConnectionTimeout(5_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }
}
