package dev.ficus.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-running command has started, in start order, with where each part can be reached. Closing stops them
 * in reverse order, once, whether from the shutdown hook (Ctrl-C, SIGTERM) or after a failed start.
 */
public final class Running implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Running.class);

    /** One line of the table {@code ficus dev} prints: a part and where to reach it. */
    record Row(String part, String where, String note) {
    }

    private record Part(String name, AutoCloseable handle) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread shutdownHook;
    private boolean closed;

    /** Ctrl-C and SIGTERM close everything started so far. */
    synchronized void stopOnShutdown() {
        shutdownHook = new Thread(this::close, "ficus-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Blocks until {@link #close()} ran, from the shutdown hook or anywhere else. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public synchronized <T extends AutoCloseable> T add(String name, T handle) {
        parts.add(new Part(name, handle));
        return handle;
    }

    public synchronized void row(String part, String where, String note) {
        rows.add(new Row(part, where, note));
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    String table() {
        List<Row> all = rows();
        int w1 = all.stream().mapToInt(r -> r.part().length()).max().orElse(4);
        int w2 = all.stream().mapToInt(r -> r.where().length()).max().orElse(5);
        StringBuilder out = new StringBuilder();
        for (Row r : all) {
            out.append(String.format("  %-" + w1 + "s  %-" + w2 + "s  %s%n", r.part(), r.where(), r.note()));
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs (or ran) anyway; close() is idempotent
            }
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part p = parts.get(i);
            try {
                p.handle().close();
                log.info("stopped {}", p.name());
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", p.name(), e.toString());
            }
        }
        stopped.countDown();
    }
}
