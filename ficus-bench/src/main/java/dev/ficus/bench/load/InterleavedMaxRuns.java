package dev.ficus.bench.load;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The highest rates of several targets that are compared with each other, measured so that the comparison is fair on
 * a shared machine: first every target is warmed up in turn (in one JVM the code of each path is compiled only once
 * it is used, so whichever ran last would otherwise look faster), then the closed-loop runs go round the targets
 * several times, and each target's figure is its median round. A slow minute of the machine then costs one round of
 * every target rather than the whole figure of one.
 */
public final class InterleavedMaxRuns {
    /** A target with the observer that sees all its replies (to count who served them). */
    public record Entry(HttpTarget target, Consumer<Reply> observer) {
    }

    private InterleavedMaxRuns() {
    }

    /**
     * @param warmup   closed-loop load on each target before the measured rounds (two passes of half each)
     * @param rounds   measured rounds; each runs every target once with {@code settings}
     * @param progress gets a line per round
     * @return per entry, in the order given, its rounds
     */
    public static List<MaxRounds> run(Vertx vertx, List<Entry> entries, ClosedLoopLoad.Settings settings,
                                      Duration warmup, int rounds, Consumer<String> progress) {
        if (rounds < 1) {
            throw new IllegalArgumentException("at least one round is needed, was " + rounds);
        }
        if (!warmup.isZero()) {
            Duration half = warmup.dividedBy(2).isZero() ? warmup : warmup.dividedBy(2);
            ClosedLoopLoad.Settings warm = new ClosedLoopLoad.Settings(settings.connections(), Duration.ZERO, half,
                    settings.timeout());
            progress.accept("warming up every path (" + warmup.toMillis() + " ms each)");
            for (int pass = 0; pass < 2; pass++) {
                for (Entry e : entries) {
                    ClosedLoopLoad.run(vertx, e.target(), warm, e.observer());
                }
            }
        }
        List<List<LoadResult>> results = new ArrayList<>();
        entries.forEach(e -> results.add(new ArrayList<>()));
        for (int r = 1; r <= rounds; r++) {
            progress.accept("highest rate, round " + r + " of " + rounds);
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                results.get(i).add(ClosedLoopLoad.run(vertx, e.target(), settings, e.observer()));
            }
        }
        return results.stream().map(MaxRounds::new).toList();
    }
}
