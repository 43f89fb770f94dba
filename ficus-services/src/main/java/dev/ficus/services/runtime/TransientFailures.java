package dev.ficus.services.runtime;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the surroundings (the database is down, a deadlock, a serialization conflict) from a failure of
 * one event (its data breaks a constraint, its record lacks a field). The first kind says nothing about the event:
 * the whole batch is tried again later and no attempt is counted, so an outage never sends events to the dead
 * letters. The second kind counts as a failed attempt of that event.
 */
public final class TransientFailures {
    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * PostgreSQL SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization failure,
     * deadlock), 53 insufficient resources, 57 operator intervention (shutdown, cancel), 58 system error.
     */
    static boolean isTransientState(String state) {
        if (state == null || state.length() < 2) {
            return false;
        }
        return switch (state.substring(0, 2)) {
            case "08", "40", "53", "57", "58" -> true;
            default -> false;
        };
    }
}
