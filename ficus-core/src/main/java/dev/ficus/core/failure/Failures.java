package dev.ficus.core.failure;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What a failure says about the work that failed, read from the exception and its causes. Every component asks one
 * of three questions, and each is answered here, from one table of the shapes JDBC drivers, Hikari, Netty and Vert.x
 * give (see FailuresTest):
 *
 * <ul>
 *   <li>{@link #isConnectionProblem}: the server could not be reached, or the connection to it broke. Nothing is
 *       wrong with the work; wait for the server (the sync holds its batch until Magento's database answers).</li>
 *   <li>{@link #isTransient}: a failure of the surroundings rather than of the work: a connection problem, or the
 *       database asking to try later (deadlock, serialization conflict, shutdown, out of resources). The work is
 *       tried again without counting an attempt (the services never dead-letter an event for an outage).</li>
 *   <li>{@link #connectionFailure}: how a call over a connection broke: refused, reset, timed out (the gateway's
 *       fallback reasons).</li>
 * </ul>
 * Anything else is a permanent failure of the work itself: bad data, a bug.
 */
public final class Failures {

    /** How a call over a connection broke. */
    public enum ConnectionFailure {
        /** Nothing listens: the peer is not there. */
        REFUSED,
        /** The connection was closed or reset while in use. */
        RESET,
        /** The peer did not answer in time. */
        TIMEOUT
    }

    private Failures() {
    }

    public static boolean isConnectionProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException s && hasStateClass(s.getSQLState(), "08")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        if (isConnectionProblem(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLTransientException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The first cause, from the outside in, that shows how the connection broke; empty for any other failure. */
    public static Optional<ConnectionFailure> connectionFailure(Throwable failure) {
        for (Throwable c = failure; c != null; c = next(c)) {
            if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")) {
                return Optional.of(ConnectionFailure.TIMEOUT);
            }
            if (c instanceof ConnectException) {
                return Optional.of(ConnectionFailure.REFUSED);
            }
            if (c instanceof HttpClosedException) {
                return Optional.of(ConnectionFailure.RESET);
            }
            if (c instanceof IOException && c.getMessage() != null
                    && (c.getMessage().contains("reset") || c.getMessage().contains("closed")
                    || c.getMessage().contains("Broken pipe"))) {
                return Optional.of(ConnectionFailure.RESET);
            }
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE classes that say "try again later": 08 connection exception, 40 transaction rollback (serialization
     * failure, deadlock), 53 insufficient resources, 57 operator intervention (shutdown, cancel), 58 system error.
     */
    static boolean isTransientState(String state) {
        return hasStateClass(state, "08") || hasStateClass(state, "40") || hasStateClass(state, "53")
                || hasStateClass(state, "57") || hasStateClass(state, "58");
    }

    private static boolean hasStateClass(String state, String stateClass) {
        return state != null && state.length() >= 2 && state.startsWith(stateClass);
    }

    /** The cause, or null at the end of the chain (also for an exception that names itself as its cause). */
    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
