package dev.ficus.bench.load;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Load runs of several targets that are compared with each other, measured so that the comparison is fair on a shared
 * machine: the runs go round the targets several times, and each target's figure comes from its median round. A slow
 * minute of the machine then costs one round of every target rather than the whole figure of one. Before the
 * highest-rate rounds every target is warmed up in turn: in one JVM the code of each path is compiled only once it is
 * used, so whichever ran last would otherwise look fastest.
 */
public final class InterleavedRuns {
    /** A target with the observer that sees all its replies (to count who served them). */
    public record Entry(HttpTarget target, Consumer<Reply> observer) {
    }

    private InterleavedRuns() {
    }

    /**
     * One closed-loop run of a target with the given settings, warm-up included: in this JVM ({@link ClosedLoopLoad})
     * or by a load generator in a process of its own ({@link WrkLoad}).
     */
    @FunctionalInterface
    public interface ClosedLoopRunner {
        LoadResult run(Entry entry, ClosedLoopLoad.Settings settings);
    }

    /** Highest-rate runs from this JVM's load client ({@link ClosedLoopLoad}). */
    public static List<Rounds> closedLoop(Vertx vertx, List<Entry> entries, ClosedLoopLoad.Settings settings,
                                          Duration warmup, int rounds, Consumer<String> progress) {
        return closedLoop(entries, settings, warmup, rounds, progress,
                (e, s) -> ClosedLoopLoad.run(vertx, e.target(), s, e.observer()));
    }

    /**
     * Highest-rate runs.
     *
     * @param warmup   closed-loop load on each target before the measured rounds (two passes of half each)
     * @param rounds   measured rounds; each runs every target once with {@code settings}
     * @param progress gets a line per round
     * @param runner   makes each run
     * @return per entry, in the order given, its rounds
     */
    public static List<Rounds> closedLoop(List<Entry> entries, ClosedLoopLoad.Settings settings, Duration warmup,
                                          int rounds, Consumer<String> progress, ClosedLoopRunner runner) {
        check(rounds);
        if (!warmup.isZero()) {
            Duration half = warmup.dividedBy(2).isZero() ? warmup : warmup.dividedBy(2);
            ClosedLoopLoad.Settings warm = new ClosedLoopLoad.Settings(settings.connections(), Duration.ZERO, half,
                    settings.timeout());
            progress.accept("warming up every path (" + warmup.toMillis() + " ms each)");
            for (int pass = 0; pass < 2; pass++) {
                for (Entry e : entries) {
                    runner.run(e, warm);
                }
            }
        }
        return go(entries, rounds, "highest rate", progress, e -> runner.run(e, settings));
    }

    /** Fixed-rate runs (the latency figures); each run has its own warm-up in {@code settings}. */
    public static List<Rounds> openLoop(Vertx vertx, List<Entry> entries, OpenLoopLoad.Settings settings, int rounds,
                                        Consumer<String> progress) {
        check(rounds);
        return go(entries, rounds, LoadResult.perSecond(settings.rate()) + " req/s", progress,
                e -> OpenLoopLoad.run(vertx, e.target(), settings, e.observer()));
    }

    private interface OneRun {
        LoadResult run(Entry e);
    }

    private static List<Rounds> go(List<Entry> entries, int rounds, String what, Consumer<String> progress,
                                   OneRun oneRun) {
        List<List<LoadResult>> results = new ArrayList<>();
        entries.forEach(e -> results.add(new ArrayList<>()));
        for (int r = 1; r <= rounds; r++) {
            progress.accept(what + ", round " + r + " of " + rounds);
            for (int i = 0; i < entries.size(); i++) {
                results.get(i).add(oneRun.run(entries.get(i)));
            }
        }
        return results.stream().map(Rounds::new).toList();
    }

    private static void check(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round is needed, was " + rounds);
        }
    }
}
