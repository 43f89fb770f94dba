package dev.ficus.sync.eav;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How an extraction reads Magento's tables.
 *
 * <p>With the binlog on, a transaction's events reach the binlog (and Debezium) before InnoDB's commit makes its rows
 * visible to other sessions. A plain read made in that moment sees the entity's previous state, and the change would
 * be lost until the entity changes again. {@link #LOCKING} closes that window: every statement is a shared locking
 * read ({@code LOCK IN SHARE MODE}), which waits for a writer still holding the rows (changed, deleted or freshly
 * inserted) and then reads the committed version. Each statement runs on its own (autocommit, READ COMMITTED), so the
 * shared locks last one statement and no gap locks are taken; the price is that the statements of one extraction do
 * not share a snapshot (a later save may show in some tables and not yet in others: its own events follow and bring
 * the whole state).
 *
 * <p>{@link #SNAPSHOT} is the plain consistent read (one REPEATABLE READ transaction, no locks, all statements in one
 * snapshot). It can publish a stale state in that window (about one change in 5,000 was lost at 500 changes/s), so it
 * is for operators who accept that rather than let the sync hold shared locks on the shop's rows at all; the sync
 * also falls back to it for one extraction when a lock is held past {@code innodb_lock_wait_timeout} (see
 * {@code BatchProcessor}).
 */
public enum Reads {
    LOCKING(" LOCK IN SHARE MODE", true, Connection.TRANSACTION_READ_COMMITTED),
    SNAPSHOT("", false, Connection.TRANSACTION_REPEATABLE_READ);

    /** MariaDB's (and MySQL's) error code of a lock wait that timed out. */
    public static final int LOCK_WAIT_TIMEOUT = 1205;

    private final String clause;
    private final boolean autoCommit;
    private final int isolation;

    Reads(String clause, boolean autoCommit, int isolation) {
        this.clause = clause;
        this.autoCommit = autoCommit;
        this.isolation = isolation;
    }

    /** {@code select} as this mode runs it (a single-table or joined SELECT without a locking clause of its own). */
    public String sql(String select) {
        return select + clause;
    }

    /** Sets the connection up for this mode (a pool puts its own settings back when the connection returns). */
    public void prepare(Connection c) throws SQLException {
        if (c.getAutoCommit() != autoCommit) {
            c.setAutoCommit(autoCommit);
        }
        if (c.getTransactionIsolation() != isolation) {
            c.setTransactionIsolation(isolation);
        }
    }

    /** The isolation level by its JDBC constant's name (as connection pools take it). */
    public String isolationName() {
        return isolation == Connection.TRANSACTION_READ_COMMITTED ? "TRANSACTION_READ_COMMITTED"
                : "TRANSACTION_REPEATABLE_READ";
    }

    /** Whether the work on a connection prepared for this mode ends with a commit (a transaction is open). */
    public boolean transactional() {
        return !autoCommit;
    }

    /** Whether {@code e} (or a cause) is a lock wait timeout: some transaction held the rows longer than we wait. */
    public static boolean isLockWaitTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }
}
