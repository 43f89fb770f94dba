package dev.ficus.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.mariadb.EmbeddedMariaDb;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.devstack.postgres.EmbeddedPostgresServer;
import dev.ficus.devstack.redis.EmbeddedRedis;

/**
 * The three servers Ficus needs on a developer's machine and in tests: MariaDB with the binlog on (Magento's
 * database), PostgreSQL (the services' database) and Redis (the event streams). Each is embedded, started here on a
 * free or fixed port, or external, already running elsewhere.
 *
 * <p>Embedded servers keep their data under the work directory across restarts. {@link #close()} stops them in
 * reverse order of start and returns once their processes are gone; a JVM shutdown hook does the same when the JVM
 * ends without {@code close()} (Ctrl-C or SIGTERM on {@code ficus dev}). Only a SIGKILL leaves them running; the
 * next start on the same work directory stops such leftovers first.
 */
public final class DevStack implements AutoCloseable {
    /** The database created on the embedded MariaDB: the Magento schema goes there. */
    public static final String MARIADB_DATABASE = "magento";
    /** The database created on the embedded PostgreSQL: the platform database of the services. */
    public static final String POSTGRES_DATABASE = "ficus";

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
    private static final int MARIADB = 0;
    private static final int POSTGRES = 1;
    private static final int REDIS = 2;

    private final DevStackSettings settings;
    private final WorkDirLock lock;
    /** The embedded servers, by slot; filled by the start threads, emptied by close(). */
    private final AtomicReferenceArray<EmbeddedServer> started = new AtomicReferenceArray<>(3);
    private final Thread shutdownHook;
    private DatabaseEndpoint mariadb;
    private DatabaseEndpoint postgres;
    private RedisEndpoint redis;
    private boolean closed;

    private DevStack(DevStackSettings settings, WorkDirLock lock) {
        this.settings = settings;
        this.lock = lock;
        this.shutdownHook = new Thread(this::close, "ficus-devstack-shutdown");
    }

    /**
     * Starts (or connects to) MariaDB, PostgreSQL and Redis, side by side. On failure, whatever had started is
     * stopped again before the exception leaves.
     *
     * @throws WorkDirInUseException when another stack runs on the same work directory
     * @throws DevStackException     when a server does not start or an external one does not answer
     */
    public static DevStack start(DevStackSettings settings) {
        Objects.requireNonNull(settings, "settings");
        DevStack stack = new DevStack(settings, WorkDirLock.acquire(settings.workDir()));
        // registered before the first server starts, so a Ctrl-C during start still stops what is up; close()
        // and the start share this monitor, so the hook waits for a start in progress, then stops everything
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        synchronized (stack) {
            try {
                stack.startAll();
            } catch (RuntimeException e) {
                DevStackException failure = e instanceof DevStackException known
                        ? known : new DevStackException(e.getMessage(), e);
                try {
                    stack.close();
                } catch (RuntimeException stopFailure) {
                    failure.addSuppressed(stopFailure);
                }
                throw failure;
            }
        }
        return stack;
    }

    /**
     * Starts the three servers side by side: none needs another, and MariaDB's install and PostgreSQL's initdb
     * overlap well (a fresh test stack comes up in about 3 s instead of 5). If one fails, the others still finish
     * starting, so that close() finds and stops them.
     */
    private void startAll() {
        // external servers first: a wrong host or password fails in milliseconds, before anything is started
        checkIfExternal("MariaDB", settings.mariadb(), ExternalServers::checkMariadb);
        checkIfExternal("PostgreSQL", settings.postgres(), ExternalServers::checkPostgres);
        checkIfExternal("Redis", settings.redis(), ExternalServers::checkRedis);
        boolean fresh = settings.fresh();
        ExecutorService starters = Executors.newFixedThreadPool(3,
                runnable -> new Thread(runnable, "ficus-devstack-start"));
        try {
            Future<DatabaseEndpoint> mariadbStart = starters.submit(() -> startIfEmbedded(MARIADB, "MariaDB",
                    settings.mariadb(), () -> EmbeddedMariaDb.stopLeftover(settings.mariadbDir()), port -> {
                        EmbeddedMariaDb server = EmbeddedMariaDb.start(settings.mariadbDir(), port,
                                MARIADB_DATABASE, fresh);
                        return new Started<>(server, server.endpoint(), address(server.endpoint()),
                                server.reusedData());
                    }));
            Future<DatabaseEndpoint> postgresStart = starters.submit(() -> startIfEmbedded(POSTGRES, "PostgreSQL",
                    settings.postgres(), () -> EmbeddedPostgresServer.stopLeftover(settings.postgresDir()), port -> {
                        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.postgresDir(), port,
                                POSTGRES_DATABASE, fresh);
                        return new Started<>(server, server.endpoint(), address(server.endpoint()),
                                server.reusedData());
                    }));
            Future<RedisEndpoint> redisStart = starters.submit(() -> startIfEmbedded(REDIS, "Redis",
                    settings.redis(), () -> EmbeddedRedis.stopLeftover(settings.redisDir()), port -> {
                        EmbeddedRedis server = EmbeddedRedis.start(settings.redisDir(), port, fresh);
                        return new Started<>(server, server.endpoint(), server.endpoint().display(),
                                server.reusedData());
                    }));
            List<RuntimeException> failures = new ArrayList<>();
            mariadb = await(mariadbStart, failures);
            postgres = await(postgresStart, failures);
            redis = await(redisStart, failures);
            if (!failures.isEmpty()) {
                RuntimeException first = failures.get(0);
                failures.subList(1, failures.size()).forEach(first::addSuppressed);
                throw first;
            }
        } finally {
            starters.shutdown();
        }
    }

    /** Waits for a start even when interrupted: a server still starting must be registered for close() to stop it. */
    private static <T> T await(Future<T> start, List<RuntimeException> failures) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return start.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failures.add(e.getCause() instanceof RuntimeException cause
                            ? cause : new DevStackException(e.getCause().getMessage(), e.getCause()));
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <E> void checkIfExternal(String kind, ServerChoice<E> choice, Consumer<E> check) {
        if (choice instanceof ServerChoice.External<E> external) {
            check.accept(external.endpoint());
            LOG.info("{} external at {}", kind, describe(external.endpoint()));
        }
    }

    /**
     * The endpoint of an external server (checked already), or of the embedded server this starts. A server this
     * work directory's killed stack left running still holds the port: it is stopped first, so that a port taken
     * after that is someone else's.
     */
    private <E> E startIfEmbedded(int slot, String kind, ServerChoice<E> choice, Runnable stopLeftover,
                                  IntFunction<Started<E>> starter) {
        if (choice instanceof ServerChoice.External<E> external) {
            return external.endpoint();
        }
        stopLeftover.run();
        int port = ((ServerChoice.Embedded<E>) choice).port();
        // a taken fixed port would otherwise show as a server that dies at start, or as a wait on someone else's
        if (port != 0 && !FreePort.isFree(port)) {
            throw new DevStackException(kind + " cannot start on port " + port + ": another process listens there "
                    + "(no server left running in " + settings.workDir() + ", which would have been stopped; Ficus "
                    + "leaves other processes alone). Stop it, or choose another port (0 for a free one).");
        }
        long begin = System.nanoTime();
        Started<E> result = starter.apply(port);
        started.set(slot, result.server());
        LOG.info("{} ready at {} (pid {}, {}, {} ms)", result.server().name(), result.address(),
                result.server().process().pid(), result.reusedData() ? "data kept" : "new data",
                (System.nanoTime() - begin) / 1_000_000);
        return result.endpoint();
    }

    private static String address(DatabaseEndpoint endpoint) {
        return endpoint.host() + ":" + endpoint.port();
    }

    private static String describe(Object endpoint) {
        if (endpoint instanceof DatabaseEndpoint database) {
            return database.host() + ":" + database.port() + "/" + database.database();
        }
        if (endpoint instanceof RedisEndpoint redisEndpoint) {
            return redisEndpoint.display();
        }
        return String.valueOf(endpoint);
    }

    /** MariaDB, pointing at {@value #MARIADB_DATABASE} when embedded (root, no password). */
    public DatabaseEndpoint mariadb() {
        return mariadb;
    }

    /** PostgreSQL, pointing at {@value #POSTGRES_DATABASE} when embedded (postgres, no password). */
    public DatabaseEndpoint postgres() {
        return postgres;
    }

    public RedisEndpoint redis() {
        return redis;
    }

    public DevStackSettings settings() {
        return settings;
    }

    /** The server processes this stack started (MariaDB, PostgreSQL, Redis); empty when every one is external. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> processes = new ArrayList<>();
        for (int slot = 0; slot < started.length(); slot++) {
            EmbeddedServer server = started.get(slot);
            if (server != null) {
                processes.add(server.process());
            }
        }
        return processes;
    }

    /**
     * The caller takes over stopping this stack when the JVM shuts down, so that it can first stop what uses the
     * servers (ficus dev stops the gateway, services and sync, then the stack). Without this, the stack's own hook
     * would stop the servers concurrently with the callers' shutdown, under their feet.
     */
    public void handOverShutdown() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // the JVM is already exiting: our hook runs, as it would have anyway
        }
    }

    /**
     * Stops every server this stack started, in reverse order (Redis, PostgreSQL, MariaDB), and returns once their
     * processes are gone.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int slot = started.length() - 1; slot >= 0; slot--) {
            EmbeddedServer server = started.getAndSet(slot, null);
            if (server == null) {
                continue;
            }
            long pid = server.process().pid();
            long begin = System.nanoTime();
            try {
                server.stop();
                LOG.info("{} stopped (pid {}, {} ms)", server.name(), pid, (System.nanoTime() - begin) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("{} (pid {}) did not stop cleanly: {}", server.name(), pid, e.getMessage());
                failure = failure == null ? e : failure;
            }
        }
        lock.close();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the JVM is already exiting; the hook, if it runs, finds the stack closed
            }
        }
        if (failure != null) {
            throw new DevStackException("the dev stack did not stop cleanly", failure);
        }
    }

    private record Started<E>(EmbeddedServer server, E endpoint, String address, boolean reusedData) {
    }
}
