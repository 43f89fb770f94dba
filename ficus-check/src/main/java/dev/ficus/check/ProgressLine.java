package dev.ficus.check;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The check's progress on standard error, with rate and ETA: on a terminal one line redrawn in place (at most every
 * 200 ms); elsewhere (a log, a CronJob) a plain line every 10 s, and only once the run has lasted that long, so a
 * short check prints nothing there.
 */
public final class ProgressLine implements Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final long every;
    private long lastDraw;
    private boolean drawn;

    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.every = terminal ? 200_000_000L : 10_000_000_000L;
        this.lastDraw = terminal ? 0 : started;
    }

    @Override
    public synchronized void advanced(long done, long total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!(finished && drawn) && now - lastDraw < every) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String line = render(done, total, Duration.ofNanos(now - started));
        if (terminal) {
            out.print("\r" + line + (finished ? System.lineSeparator() : ""));
        } else {
            out.println(line.stripTrailing());
        }
        out.flush();
    }

    static String render(long done, long total, Duration elapsed) {
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        double rate = done / seconds;
        String when = done >= total ? "took " + clock(elapsed.toSeconds())
                : "ETA " + (rate <= 0 ? "?" : clock((long) ((total - done) / rate)));
        return String.format(Locale.ROOT, "checking [%s] %,9d/%,-9d %,8.0f/s  %s  ", "#".repeat(filled)
                + "-".repeat(WIDTH - filled), done, total, rate, when);
    }

    private static String clock(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
