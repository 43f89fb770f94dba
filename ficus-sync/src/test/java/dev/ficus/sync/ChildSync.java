package dev.ficus.sync;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A sync running in a separate JVM ({@link SyncProcessMain}), which a test can kill with SIGKILL. */
final class ChildSync implements AutoCloseable {
    private final Process process;
    private final int port;

    private ChildSync(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ChildSync start(Path configYaml, Path log) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(javaBin.toString(), "-Xmx512m", "-cp", classpath,
                SyncProcessMain.class.getName(), configYaml.toString()))
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                         StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.startsWith("PORT ")) {
                        port.complete(Integer.parseInt(line.substring(5).trim()));
                    }
                }
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("sync process ended before serving; see " + log));
        }, "child-sync-output");
        pump.setDaemon(true);
        pump.start();
        return new ChildSync(p, port.get(120, TimeUnit.SECONDS));
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no offset flush, no engine close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
