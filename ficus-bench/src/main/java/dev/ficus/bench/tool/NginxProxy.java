package dev.ficus.bench.tool;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NGINX as a child process with a configuration generated into its own directory (no system files touched, nothing
 * logged per request), stopped on {@link #close()}. Two roles: a plain reverse proxy in front of one upstream
 * ({@link #start}), the yardstick for the gateway's own proxy overhead; and a static origin that answers every path
 * with one file ({@link #startOrigin}), an upstream whose own cost is as small as it gets.
 */
public final class NginxProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NginxProxy.class);
    public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/nginx");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final int port;

    private NginxProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Finds NGINX at {@code binary}; when it is missing and {@code install} is set, installs Debian's nginx package
     * (see {@link DebianTool#ensureInstalled}).
     */
    public static DebianTool.Availability ensureInstalled(Path binary, boolean install, Path logDir) {
        return DebianTool.ensureInstalled(binary, "nginx", install, "--no-nginx-install", logDir);
    }

    /** Starts NGINX on a free loopback port, proxying everything to {@code 127.0.0.1:upstreamPort}. */
    public static NginxProxy start(Path binary, Path dir, int upstreamPort, int workers) throws IOException {
        int port = FreePort.pick();
        NginxProxy proxy = launch(binary, dir, port, config(dir, port, upstreamPort, workers, isRoot()));
        LOG.info("nginx (pid {}) proxies 127.0.0.1:{} to 127.0.0.1:{}", proxy.pid(), port, upstreamPort);
        return proxy;
    }

    /** Starts NGINX on a free loopback port, answering every GET with {@code file} as {@code application/json}. */
    public static NginxProxy startOrigin(Path binary, Path dir, Path file, int workers) throws IOException {
        int port = FreePort.pick();
        NginxProxy origin = launch(binary, dir, port, originConfig(dir, port, file, workers, isRoot()));
        LOG.info("nginx (pid {}) serves {} on 127.0.0.1:{}", origin.pid(), file, port);
        return origin;
    }

    private static NginxProxy launch(Path binary, Path dir, int port, String config) throws IOException {
        FileTrees.createDirectories(dir);
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            FileTrees.createDirectories(dir.resolve(temp));
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config);
        Path errorLog = dir.resolve("error.log");
        Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", errorLog.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxProxy nginx = new NginxProxy(process, port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new IOException("nginx did not start on port " + port + ": "
                        + DebianTool.lastLines(errorLog, 3));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                nginx.close();
                throw new IOException("interrupted while nginx started", e);
            }
        }
        return nginx;
    }

    /**
     * The configuration: a plain keep-alive reverse proxy, no access log, every path NGINX writes under {@code dir}.
     * As root, the workers stay root, so that they can use the temporary directories made here.
     */
    public static String config(Path dir, int port, int upstreamPort, int workers, boolean asRoot) {
        return common(dir, workers, asRoot)
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

    /**
     * The static origin: every path is answered with {@code file} from the page cache, without an ETag (Magento's
     * REST answers have none, and a client that sent If-None-Match would measure 304s).
     */
    public static String originConfig(Path dir, int port, Path file, int workers, boolean asRoot) {
        return common(dir, workers, asRoot)
                + "    default_type application/json;\n"
                + "    etag off;\n"
                + "    sendfile on;\n"
                + "    open_file_cache max=16 inactive=1h;\n"
                + "    server {\n"
                + "        listen 127.0.0.1:" + port + ";\n"
                + "        root " + file.getParent() + ";\n"
                + "        location / {\n"
                + "            try_files /" + file.getFileName() + " =404;\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    /** Everything both roles share, up to the open {@code http} block. */
    private static String common(Path dir, int workers, boolean asRoot) {
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
                + "    keepalive_requests 1000000;\n";
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
