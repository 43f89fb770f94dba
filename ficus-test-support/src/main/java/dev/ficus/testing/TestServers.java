package dev.ficus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.DevStack;
import dev.ficus.devstack.DevStackSettings;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.devstack.ServerChoice;
import dev.ficus.devstack.WorkDirInUseException;
import dev.ficus.devstack.mariadb.MariaDbNames;
import dev.ficus.devstack.redis.EmbeddedRedis;
import dev.ficus.devstack.redis.RespClient;

/**
 * The real servers a test talks to: one MariaDB (binlog on), PostgreSQL and Redis shared by every test class of a
 * test JVM, started at first use and stopped when the JVM exits. Give each test class its own database with
 * {@link #freshMariadbDatabase}, {@link #freshPostgresDatabase} and {@link #freshRedisDatabase} (or a
 * {@link #freshRedisKeyPrefix}), so classes never see each other's rows.
 *
 * <p><b>Embedded (the default).</b> The stack runs in {@code target/ficus-test-stack} of the module under test,
 * wiped at the first use in each JVM, on free ports (root / postgres, no passwords). The first start on a machine
 * unpacks the binaries into the cache described on {@link dev.ficus.devstack.BinaryCache}.
 *
 * <p><b>External.</b> To run against servers already there (the machine's own, or CI services), set:
 * <pre>
 * FICUS_TEST_SERVERS=external
 * FICUS_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:3306       user FICUS_TEST_MARIADB_USER (root),
 *                                                           password FICUS_TEST_MARIADB_PASSWORD (none)
 * FICUS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432   user FICUS_TEST_POSTGRES_USER (postgres),
 *                                                           password FICUS_TEST_POSTGRES_PASSWORD (none)
 * FICUS_TEST_REDIS_URL=redis://:password@127.0.0.1:6379     (password URL-encoded, optional)
 * </pre>
 * All three URLs are required then; a database in a URL becomes the default of {@link #mariadb()} /
 * {@link #postgres()}. The users must be allowed to create and drop databases (and, for change data capture
 * tests, MariaDB must have the binlog in ROW format). The databases made for test classes are dropped when the JVM
 * exits. Redis database numbers are not coordinated between JVMs sharing one external Redis: prefer
 * {@link #freshRedisKeyPrefix} there.
 */
public final class TestServers {
    /** Where the embedded test stack lives, relative to the working directory (the module, under Maven). */
    public static final Path STACK_DIR = Path.of("target", "ficus-test-stack");

    private static final Logger LOG = LoggerFactory.getLogger(TestServers.class);
    private static final int MAX_NAME_STEM = 40;

    private static DevStack stack;
    private static int nextRedisDatabase = 1;
    private static final List<DatabaseEndpoint> externalMariadbDatabases = new ArrayList<>();
    private static final List<DatabaseEndpoint> externalPostgresDatabases = new ArrayList<>();

    private TestServers() {
    }

    /** The shared stack, started on first call. */
    public static synchronized DevStack stack() {
        if (stack == null) {
            DevStackSettings settings = TestServerEnvironment.settings(System.getenv(), STACK_DIR);
            try {
                stack = DevStack.start(settings);
            } catch (WorkDirInUseException e) {
                // another test JVM of the same module (parallel forks) has it; each fork gets its own
                stack = DevStack.start(settings.withWorkDir(
                        Path.of(STACK_DIR + "-" + ProcessHandle.current().pid())));
            }
            if (isExternal(settings)) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestServers::dropExternalDatabases,
                        "ficus-test-databases-cleanup"));
            }
        }
        return stack;
    }

    /** MariaDB as root (embedded) on the default database {@code magento}. */
    public static DatabaseEndpoint mariadb() {
        return stack().mariadb();
    }

    /** PostgreSQL as postgres (embedded) on the default database {@code ficus}. */
    public static DatabaseEndpoint postgres() {
        return stack().postgres();
    }

    public static RedisEndpoint redis() {
        return stack().redis();
    }

    /** Creates an empty MariaDB database named after {@code testClass} and returns an endpoint pointing at it. */
    public static DatabaseEndpoint freshMariadbDatabase(Class<?> testClass) {
        DatabaseEndpoint server = mariadb();
        String name = uniqueName(testClass);
        try (Connection connection = JdbcConnections.mariadb(server.withDatabase(""));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + MariaDbNames.quote(name)
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create MariaDB database " + name, e);
        }
        DatabaseEndpoint database = server.withDatabase(name);
        rememberExternal(externalMariadbDatabases, database);
        return database;
    }

    /** Creates an empty PostgreSQL database named after {@code testClass} and returns an endpoint pointing at it. */
    public static DatabaseEndpoint freshPostgresDatabase(Class<?> testClass) {
        DatabaseEndpoint server = postgres();
        String name = uniqueName(testClass);
        try (Connection connection = JdbcConnections.postgres(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create PostgreSQL database " + name, e);
        }
        DatabaseEndpoint database = server.withDatabase(name);
        rememberExternal(externalPostgresDatabases, database);
        return database;
    }

    /**
     * A key prefix no other test class uses, such as {@code "t_catalogconsumerit_3fa9c1:"}: put it in front of
     * every key (and stream name) the test writes. Works on a Redis shared between JVMs.
     */
    public static String freshRedisKeyPrefix(Class<?> testClass) {
        return uniqueName(testClass) + ":";
    }

    /**
     * A logical Redis database of its own (emptied now), for code whose key names are fixed, such as the
     * {@code migration.*.changed} streams. Database 0 is never handed out.
     */
    public static synchronized TestRedisDatabase freshRedisDatabase() {
        RedisEndpoint redis = redis();
        try (RespClient client = RespClient.connect(redis, Duration.ofSeconds(5))) {
            int available = isExternal(stack.settings()) ? databaseCount(client) : EmbeddedRedis.DATABASES;
            if (nextRedisDatabase >= available) {
                throw new IllegalStateException("all " + available + " Redis databases of this test JVM are taken");
            }
            int index = nextRedisDatabase++;
            client.command("SELECT", Integer.toString(index));
            client.command("FLUSHDB");
            return new TestRedisDatabase(redis, index);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a Redis database", e);
        }
    }

    private static int databaseCount(RespClient client) {
        try {
            Object reply = client.command("CONFIG", "GET", "databases");
            if (reply instanceof List<?> pair && pair.size() == 2) {
                return Integer.parseInt(String.valueOf(pair.get(1)));
            }
        } catch (IOException | NumberFormatException e) {
            // managed Redis services often forbid CONFIG; Redis's default count is the safe guess
        }
        return 16;
    }

    /** {@code t_<class name>_<6 hex>}: lower case, so PostgreSQL and MariaDB agree on it, and at most 50 long. */
    static String uniqueName(Class<?> testClass) {
        String stem = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (stem.length() > MAX_NAME_STEM) {
            stem = stem.substring(0, MAX_NAME_STEM);
        }
        return "t_" + stem + "_" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    private static synchronized void rememberExternal(List<DatabaseEndpoint> created, DatabaseEndpoint database) {
        if (isExternal(stack.settings())) {
            created.add(database);
        }
    }

    private static boolean isExternal(DevStackSettings settings) {
        return settings.mariadb() instanceof ServerChoice.External;
    }

    private static synchronized void dropExternalDatabases() {
        for (DatabaseEndpoint database : externalMariadbDatabases) {
            try (Connection connection = JdbcConnections.mariadb(database.withDatabase(""));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + MariaDbNames.quote(database.database()));
            } catch (SQLException e) {
                LOG.warn("could not drop test database {} on MariaDB: {}", database.database(), e.getMessage());
            }
        }
        for (DatabaseEndpoint database : externalPostgresDatabases) {
            try (Connection connection = JdbcConnections.postgres(stack.postgres());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS \"" + database.database() + "\" WITH (FORCE)");
            } catch (SQLException e) {
                LOG.warn("could not drop test database {} on PostgreSQL: {}", database.database(), e.getMessage());
            }
        }
    }
}
