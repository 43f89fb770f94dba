package dev.ficus.devstack.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import redis.embedded.core.ExecutableProvider;

import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.EmbeddedServer;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.devstack.process.LeftoverServer;
import dev.ficus.devstack.process.ServerProcess;

/**
 * Redis with the append-only file on, so streams and offsets survive a restart. The binary comes from
 * codemonstur's embedded-redis jar; the process is run here rather than through its {@code RedisServer}, which adds
 * a shutdown hook per start, writes its config to /tmp and stops draining stdout when no listener is set (a long
 * {@code ficus dev} session would then block Redis on a full pipe).
 *
 * <p>Layout under its directory: {@code bin/} (the binary, copied at each start), {@code redis.conf},
 * {@code appendonly.aof}, {@code redis.log} and {@code redis.pid}.
 */
public final class EmbeddedRedis implements EmbeddedServer {
    public static final String HOST = "127.0.0.1";
    /** More logical databases than Redis's 16, so that each test class can have its own. */
    public static final int DATABASES = 256;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final String name;
    private final ServerProcess process;
    private final RedisEndpoint endpoint;
    private final boolean reusedData;

    private EmbeddedRedis(String name, ServerProcess process, RedisEndpoint endpoint, boolean reusedData) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.reusedData = reusedData;
    }

    /**
     * Starts Redis with its files in {@code dir}.
     *
     * @param port  0 for a free port
     * @param fresh wipe {@code dir} first
     */
    public static EmbeddedRedis start(Path dir, int port, boolean fresh) {
        Path home = dir.toAbsolutePath();
        // before any wipe: a leftover server would otherwise keep running on deleted files
        stopLeftover(dir);
        if (fresh) {
            FileTrees.deleteRecursively(home);
        }
        FileTrees.createDirectories(home.resolve("bin"));
        boolean reusedData = Files.exists(home.resolve("appendonly.aof"));
        Path binary = unpackBinary(home.resolve("bin"));
        for (int attempt = 1; ; attempt++) {
            int chosenPort = port == 0 ? FreePort.pick() : port;
            Path config = writeConfig(home, chosenPort);
            ServerProcess process = ServerProcess.start("Redis", List.of(binary.toString(), config.toString()),
                    home, home.resolve("redis.log"), Map.of());
            RedisEndpoint endpoint = new RedisEndpoint(HOST, chosenPort, Secret.empty());
            try {
                process.awaitReady(START_TIMEOUT, () -> servesDir(endpoint, home));
                return new EmbeddedRedis("Redis " + version(endpoint), process, endpoint, reusedData);
            } catch (ServerProcess.ServerExitedException e) {
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
     * Stops a Redis left running in {@code dir} by a killed stack (redis.pid names it, and it runs there);
     * {@link #start} does so too, but a stack calls this before it checks that the port is free.
     */
    public static void stopLeftover(Path dir) {
        Path home = dir.toAbsolutePath();
        LeftoverServer.stopIfRunning(home.resolve("redis.pid"), "redis-server", "Redis", home, STOP_GRACE);
    }

    private static Path unpackBinary(Path binDir) {
        try {
            return ExecutableProvider.newJarResourceProvider(binDir.toFile()).get().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the Redis binary into " + binDir, e);
        }
    }

    private static Path writeConfig(Path home, int port) {
        String config = String.join("\n",
                "bind " + HOST,
                "port " + port,
                "dir " + home,
                "daemonize no",
                "pidfile " + home.resolve("redis.pid"),
                "logfile " + home.resolve("redis.log"),
                "databases " + DATABASES,
                // the append-only file is what makes data survive a restart; no RDB snapshots on top of it
                "appendonly yes",
                "appendfsync everysec",
                "save \"\"",
                "");
        Path file = home.resolve("redis.conf");
        try {
            Files.writeString(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }

    /** Ready means: it answers PING, and it is ours (its data dir is ours, not another Redis on a reused port). */
    private static boolean servesDir(RedisEndpoint endpoint, Path home) throws IOException {
        try (RespClient client = RespClient.connect(endpoint, Duration.ofSeconds(2))) {
            if (!"PONG".equals(client.command("PING"))) {
                return false;
            }
            Object dir = client.command("CONFIG", "GET", "dir");
            return dir instanceof List<?> pair && pair.size() == 2
                    && Path.of(String.valueOf(pair.get(1))).toRealPath().equals(home.toRealPath());
        }
    }

    private static String version(RedisEndpoint endpoint) {
        try (RespClient client = RespClient.connect(endpoint, Duration.ofSeconds(2))) {
            String info = String.valueOf(client.command("INFO", "server"));
            return info.lines().filter(line -> line.startsWith("redis_version:"))
                    .map(line -> line.substring("redis_version:".length()).trim())
                    .findFirst().orElse("(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException("Redis started but does not answer", e);
        }
    }

    /** 127.0.0.1, no password. */
    public RedisEndpoint endpoint() {
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
        return process.handle();
    }

    @Override
    public void stop() {
        process.stop(STOP_GRACE);
    }
}
