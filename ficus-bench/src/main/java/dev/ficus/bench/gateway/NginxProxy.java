package dev.ficus.bench.gateway;

import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.devstack.process.ProcessTermination;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NGINX as a plain reverse proxy in front of one upstream: the yardstick for the gateway's own proxy overhead. It runs
 * as a child process with a configuration generated into its own directory (no system files touched, nothing logged
 * per request) and is stopped on {@link #close()}.
 */
public final class NginxProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NginxProxy.class);
    public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private final Process process;
    private final int port;

    private NginxProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The binary if it is there or could be installed; otherwise why not (the report says so and skips the row). */
    public record Availability(Optional<Path> binary, String problem) {
        static Availability found(Path binary) {
            return new Availability(Optional.of(binary), "");
        }

        static Availability missing(String problem) {
            return new Availability(Optional.empty(), problem);
        }
    }

    /**
     * Finds NGINX at {@code binary}; when it is missing and {@code install} is set, installs Debian's package with
     * {@code apt-get install -y nginx} (after an {@code apt-get update} if the first try fails). The package manager's
     * output goes to {@code logDir/apt.log}.
     */
    public static Availability ensureInstalled(Path binary, boolean install, Path logDir) {
        if (Files.isExecutable(binary)) {
            return Availability.found(binary);
        }
        if (!install) {
            return Availability.missing(binary + " not found (installation not allowed by --no-nginx-install)");
        }
        Path log = logDir.resolve("apt.log");
        LOG.info("{} not found: installing Debian's nginx package (output in {})", binary, log);
        try {
            if (apt(log, "apt-get", "install", "-y", "nginx") != 0) {
                apt(log, "apt-get", "update");
                int status = apt(log, "apt-get", "install", "-y", "nginx");
                if (status != 0) {
                    return Availability.missing("apt-get install -y nginx failed with status " + status + ": "
                            + lastLines(log, 3));
                }
            }
        } catch (IOException e) {
            return Availability.missing("cannot run apt-get: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.missing("interrupted while installing nginx");
        }
        return Files.isExecutable(binary) ? Availability.found(binary)
                : Availability.missing("apt-get installed nginx, but " + binary + " is still missing");
    }

    private static int apt(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // no questions, and no service started by the package's scripts: the bench runs its own instance
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        pb.environment().put("RUNLEVEL", "1");
        Process p = pb.start();
        if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            ProcessTermination.terminate(p.toHandle(), Duration.ofSeconds(5));
            return -1;
        }
        return p.exitValue();
    }

    /** Starts NGINX on a free loopback port, proxying everything to {@code 127.0.0.1:upstreamPort}. */
    public static NginxProxy start(Path binary, Path dir, int upstreamPort, int workers) throws IOException {
        FileTrees.createDirectories(dir);
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            FileTrees.createDirectories(dir.resolve(temp));
        }
        int port = FreePort.pick();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, upstreamPort, workers, isRoot()));
        Path errorLog = dir.resolve("error.log");
        Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", errorLog.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxProxy proxy = new NginxProxy(process, port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                proxy.close();
                throw new IOException("nginx did not start on port " + port + ": " + lastLines(errorLog, 3));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                proxy.close();
                throw new IOException("interrupted while nginx started", e);
            }
        }
        LOG.info("nginx (pid {}) proxies 127.0.0.1:{} to 127.0.0.1:{}", process.pid(), port, upstreamPort);
        return proxy;
    }

    /**
     * The configuration: a plain keep-alive reverse proxy, no access log, every path NGINX writes under {@code dir}.
     * As root, the workers stay root, so that they can use the temporary directories made here.
     */
    static String config(Path dir, int port, int upstreamPort, int workers, boolean asRoot) {
        return (asRoot ? "user root;\n" : "")
                + "worker_processes " + workers + ";\n"
                + "daemon off;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events {\n"
                + "    worker_connections 4096;\n"
                + "}\n"
                + "http {\n"
                + "    access_log off;\n"
                + "    client_body_temp_path " + dir.resolve("client_body") + ";\n"
                + "    proxy_temp_path " + dir.resolve("proxy") + ";\n"
                + "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                + "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                + "    scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + "    keepalive_requests 1000000;\n"
                + "    upstream service {\n"
                + "        server 127.0.0.1:" + upstreamPort + ";\n"
                + "        keepalive 256;\n"
                + "        keepalive_requests 1000000;\n"
                + "    }\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + port + ";\n"
                + "        location / {\n"
                + "            proxy_pass http://service;\n"
                + "            proxy_http_version 1.1;\n"
                + "            proxy_set_header Connection \"\";\n"
                + "            proxy_set_header Host $host;\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM to the master (it stops its workers), SIGKILL after a grace period. */
    @Override
    public void close() {
        ProcessTermination.terminate(process.toHandle(), Duration.ofSeconds(5));
    }
}
