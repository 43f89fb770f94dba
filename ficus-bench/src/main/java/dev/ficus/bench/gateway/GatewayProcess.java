package dev.ficus.bench.gateway;

import dev.ficus.bench.load.HttpTarget;
import dev.ficus.bench.load.Reply;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway as it is deployed: a JVM of its own ({@link GatewayProcessMain}) on this JVM's class path, started from
 * a YAML file, with the JVM options of {@code FICUS_JAVA_OPTS} as bin/ficus would start it. Measured in the bench's
 * JVM instead, it would share heap, collector and JIT with the load client, and the client's garbage would be charged
 * to the gateway's latencies but not to NGINX's.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ServerProcess process;
    private final int port;

    private GatewayProcess(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Writes {@code yaml} to {@code dir/gateway.yaml}, starts the gateway with it and returns once a read of
     * {@code probe} (the gateway's port and a path) comes back 200 with {@code X-Ficus-Backend: expectedBackend}.
     * The log is {@code dir/gateway.log}; a failed start ends with its last lines.
     */
    public static GatewayProcess start(Path dir, String yaml, HttpTarget probe, String expectedBackend)
            throws IOException {
        FileTrees.createDirectories(dir);
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, yaml);
        List<String> command = command(System.getenv().getOrDefault("FICUS_JAVA_OPTS", ""), config);
        ServerProcess process = ServerProcess.start("gateway", command, dir, dir.resolve("gateway.log"), Map.of());
        GatewayProcess gateway = new GatewayProcess(process, probe.port());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            process.awaitReady(START_TIMEOUT, () -> servedBy(client, probe, expectedBackend));
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    /**
     * This JVM's java and class path; the options in {@code javaOpts} (FICUS_JAVA_OPTS), as bin/ficus starts
     * {@code ficus gateway} with them.
     */
    static List<String> command(String javaOpts, Path config) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : javaOpts.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayProcessMain.class.getName(),
                config.toString()));
        return command;
    }

    private static boolean servedBy(HttpClient client, HttpTarget target, String backend)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":"
                + target.port() + target.paths().get(0))).timeout(Duration.ofSeconds(2));
        target.headers().forEach(request::header);
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200
                && backend.equals(response.headers().firstValue(Reply.BACKEND_HEADER).orElse(null));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** SIGTERM (the gateway closes its listeners and clients), SIGKILL after a grace period. */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
