package dev.ficus.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.failure.Failures.ConnectionFailure;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * One row per shape of failure the components meet (built as the drivers and Vert.x build them), with the answer to
 * each of the kit's three questions.
 */
class FailuresTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                row("PostgreSQL down: PSQLException 08001 caused by ConnectException",
                        new PSQLException("Connection to 127.0.0.1:5432 refused.",
                                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused")),
                        true, true, ConnectionFailure.REFUSED),
                row("PostgreSQL connection lost: PSQLException 08006 caused by SocketException",
                        new PSQLException("An I/O error occurred while sending to the backend.",
                                PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset")),
                        true, true, ConnectionFailure.RESET),
                row("PostgreSQL deadlock: 40P01",
                        new PSQLException("deadlock detected", PSQLState.DEADLOCK_DETECTED), false, true, null),
                row("PostgreSQL serialization failure: 40001",
                        new PSQLException("could not serialize access", PSQLState.SERIALIZATION_FAILURE),
                        false, true, null),
                row("PostgreSQL shutting down: 57P01",
                        new PSQLException(new ServerErrorMessage("SFATAL\0C57P01\0Mterminating connection due to "
                                + "administrator command")), false, true, null),
                row("PostgreSQL out of connections: 53300",
                        new PSQLException(new ServerErrorMessage("SFATAL\0C53300\0Msorry, too many clients already")),
                        false, true, null),
                row("PostgreSQL value too long: 22001",
                        new PSQLException("value too long for type character varying(64)",
                                PSQLState.STRING_DATA_RIGHT_TRUNCATION), false, false, null),
                row("PostgreSQL not null violation: 23502",
                        new PSQLException("null value in column \"sku\"", PSQLState.NOT_NULL_VIOLATION),
                        false, false, null),
                row("Hikari pool timed out: SQLTransientConnectionException",
                        new SQLTransientConnectionException("ficus - Connection is not available, request timed out "
                                + "after 5000ms."), true, true, null),
                row("MariaDB cannot connect: SQLNonTransientConnectionException 08000",
                        new SQLNonTransientConnectionException("Socket fail to connect to host", "08000"),
                        true, true, null),
                row("recoverable JDBC failure: SQLRecoverableException",
                        new SQLRecoverableException("connection lost"), true, true, null),
                row("a plain SQLException with state 08003",
                        new SQLException("connection does not exist", "08003"), true, true, null),
                row("JDBC query timeout: SQLTimeoutException",
                        new SQLTimeoutException("Query execution was interrupted"), false, true,
                        ConnectionFailure.TIMEOUT),
                row("nothing listens: ConnectException",
                        new ConnectException("Connection refused"), true, true, ConnectionFailure.REFUSED),
                row("Redis down: Vert.x wraps a ConnectException",
                        new VertxException(new ConnectException("Connection refused: /127.0.0.1:6379")), true, true,
                        ConnectionFailure.REFUSED),
                row("Vert.x HTTP connection closed: HttpClosedException",
                        new HttpClosedException("Connection was closed"), false, false, ConnectionFailure.RESET),
                row("Netty: connection reset by peer",
                        new IOException("Connection reset by peer"), false, true, ConnectionFailure.RESET),
                row("Netty: broken pipe",
                        new IOException("Broken pipe"), false, true, ConnectionFailure.RESET),
                row("another I/O failure",
                        new IOException("No space left on device"), false, true, null),
                row("Vert.x timeout: NoStackTraceTimeoutException",
                        new NoStackTraceTimeoutException("The timeout period of 300ms has been exceeded"),
                        false, false, ConnectionFailure.TIMEOUT),
                row("a timeout nested in an ExecutionException",
                        new ExecutionException(new TimeoutException("no reply")), false, false,
                        ConnectionFailure.TIMEOUT),
                row("a connection failure nested twice",
                        new RuntimeException(new IllegalStateException(new SQLException("closed", "08003"))),
                        true, true, null),
                row("bad data: IllegalArgumentException",
                        new IllegalArgumentException("record has no 'sku'"), false, false, null),
                row("a SQLException without a state",
                        new SQLException("no state"), false, false, null));
    }

    private static Arguments row(String shape, Throwable failure, boolean connectionProblem, boolean transientFailure,
                                 ConnectionFailure connectionFailure) {
        return Arguments.of(shape, failure, connectionProblem, transientFailure, connectionFailure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void answersEachQuestion(String shape, Throwable failure, boolean connectionProblem, boolean transientFailure,
                             ConnectionFailure connectionFailure) {
        assertThat(Failures.isConnectionProblem(failure)).as("connection problem").isEqualTo(connectionProblem);
        assertThat(Failures.isTransient(failure)).as("transient").isEqualTo(transientFailure);
        assertThat(Failures.connectionFailure(failure)).as("connection failure")
                .isEqualTo(java.util.Optional.ofNullable(connectionFailure));
    }
}
