package dev.ficus.gateway.attack;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Runs a property over generated cases and shrinks the first failing one: the same test is run again on plainer
 * versions of the failing case's choices (see {@link Draw}), and a version is kept when it fails in the same way
 * (same {@link Failure#kind()}), so the report shows the smallest request that still breaks the same promise. Every
 * shrink step sends real requests to the gateway, so shrinking stops at a time budget and says so.
 *
 * <p>Runs are reproducible from the seed (each case's choices come from the seed and its number alone), which the
 * report gives; {@code -Dficus.attack.seed=N} runs a seed again.
 *
 * @param <T> the generated case
 */
final class Property<T> {
    /** What went wrong in one case: the promise broken ({@code kind}) and what was seen. */
    record Failure(String kind, String detail) {
    }

    /** The test of one case: null when it passed. */
    interface Test<T> {
        Failure run(T value);
    }

    private final String name;
    private final Function<Draw, T> generator;
    private final Test<T> test;
    private final Function<T, String> show;

    Property(String name, Function<Draw, T> generator, Test<T> test, Function<T, String> show) {
        this.name = name;
        this.generator = generator;
        this.test = test;
        this.show = show;
    }

    /** Runs the cases; throws an {@link AssertionError} with the shrunk case if one fails. */
    void check(int tries, long seed, Duration shrinkBudget) {
        for (int i = 0; i < tries; i++) {
            Draw draw = Draw.random(caseSeed(seed, i));
            T value = generator.apply(draw);
            Failure failure = runSafely(value);
            if (failure != null) {
                throw report(i, seed, draw.choices(), value, failure, shrinkBudget);
            }
        }
    }

    private AssertionError report(int index, long seed, int[] choices, T original, Failure failure,
                                  Duration budget) {
        Shrunk<T> shrunk = shrink(choices, original, failure, budget);
        String text = "property '" + name + "' failed at case " + index + " of seed " + seed
                + " (-Dficus.attack.seed=" + seed + ")\n"
                + "broken promise: " + failure.kind() + "\n"
                + "shrunk in " + shrunk.steps + " steps" + (shrunk.outOfTime ? " (stopped at the time budget)" : "")
                + " to:\n" + show.apply(shrunk.value) + "\n"
                + "what was seen: " + shrunk.failure.detail() + "\n"
                + "original case:\n" + show.apply(original) + "\n"
                + "what was seen: " + failure.detail();
        return new AssertionError(text);
    }

    private record Shrunk<T>(T value, Failure failure, int steps, boolean outOfTime) {
    }

    private Shrunk<T> shrink(int[] start, T original, Failure failure, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int[] best = start;
        T bestValue = original;
        Failure bestFailure = failure;
        int steps = 0;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int[] candidate : (Iterable<int[]>) candidates(best)::iterator) {
                if (System.nanoTime() > deadline) {
                    return new Shrunk<>(bestValue, bestFailure, steps, true);
                }
                Draw draw = Draw.replay(candidate);
                T value;
                try {
                    value = generator.apply(draw);
                } catch (RuntimeException e) {
                    continue;
                }
                int[] used = draw.choices();
                if (!simpler(used, best)) {
                    continue;
                }
                Failure f = runSafely(value);
                if (f != null && f.kind().equals(failure.kind())) {
                    best = used;
                    bestValue = value;
                    bestFailure = f;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new Shrunk<>(bestValue, bestFailure, steps, false);
    }

    /** Plainer choice sequences: blocks deleted, blocks set to 0, single numbers made smaller. */
    private static java.util.stream.Stream<int[]> candidates(int[] c) {
        java.util.stream.Stream.Builder<int[]> out = java.util.stream.Stream.builder();
        for (int k : new int[] {16, 8, 4, 2, 1}) {
            for (int i = 0; i + k <= c.length; i++) {
                int[] d = new int[c.length - k];
                System.arraycopy(c, 0, d, 0, i);
                System.arraycopy(c, i + k, d, i, c.length - i - k);
                out.add(d);
            }
        }
        for (int k : new int[] {8, 4, 2, 1}) {
            for (int i = 0; i + k <= c.length; i++) {
                int[] z = c.clone();
                boolean changed = false;
                for (int j = i; j < i + k; j++) {
                    changed |= z[j] != 0;
                    z[j] = 0;
                }
                if (changed) {
                    out.add(z);
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 1) {
                int[] half = c.clone();
                half[i] = c[i] / 2;
                out.add(half);
            }
            if (c[i] > 0) {
                int[] less = c.clone();
                less[i] = c[i] - 1;
                out.add(less);
            }
        }
        return out.build();
    }

    /** Shorter first, then smaller at the first difference: the order that makes shrinking end. */
    private static boolean simpler(int[] a, int[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return Arrays.compare(a, b) < 0;
    }

    private Failure runSafely(T value) {
        try {
            return test.run(value);
        } catch (RuntimeException | AssertionError e) {
            return new Failure("the test itself threw " + e.getClass().getSimpleName(), String.valueOf(e));
        }
    }

    private static long caseSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
