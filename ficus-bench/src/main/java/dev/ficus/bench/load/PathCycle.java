package dev.ficus.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request paths of a run, handed out round-robin from any thread. The list is shuffled once with a fixed seed:
 * consecutive requests hit different entities (no cache-friendly runs of neighbours), and every run of the same
 * bench asks for the same sequence, so two targets compared in one report see the same reads.
 */
public final class PathCycle {
    private final List<String> paths;
    private final AtomicLong next = new AtomicLong();

    private PathCycle(List<String> paths) {
        this.paths = paths;
    }

    /** The paths in the given order. */
    public static PathCycle inOrder(List<String> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a load run needs at least one path");
        }
        return new PathCycle(List.copyOf(paths));
    }

    /** The paths in an order shuffled by {@code seed}. */
    public static PathCycle shuffled(List<String> paths, long seed) {
        List<String> copy = new ArrayList<>(paths);
        Collections.shuffle(copy, new Random(seed));
        return inOrder(copy);
    }

    public String next() {
        return paths.get((int) Math.floorMod(next.getAndIncrement(), (long) paths.size()));
    }

    public int size() {
        return paths.size();
    }

    /** A cycle over the same paths that starts again at the first (each run of a comparison starts alike). */
    public PathCycle restart() {
        return new PathCycle(paths);
    }
}
