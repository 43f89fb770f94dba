package dev.ficus.gateway.attack;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The choices one generated case is made of. A generator asks for small integers and builds its value from them;
 * the integers are recorded, so a failing case can be replayed from them and shrunk by making the sequence shorter
 * or its numbers smaller. Generators keep to one rule for that to work: choice 0 is always the plainest option (no
 * mutation, the first and simplest alternative), so a smaller sequence is a plainer case.
 */
final class Draw {
    /** A generator that draws more than this is looping; the case is cut short rather than run forever. */
    private static final int MAX_DRAWS = 10_000;

    private final Random random;
    private final int[] replay;
    private int[] drawn = new int[64];
    private int count;

    private Draw(Random random, int[] replay) {
        this.random = random;
        this.replay = replay;
    }

    static Draw random(long seed) {
        return new Draw(new Random(seed), null);
    }

    /** Replays recorded choices; past their end every choice is 0, and a number too large for a choice wraps. */
    static Draw replay(int[] choices) {
        return new Draw(null, choices);
    }

    /** A number in {@code [0, n)}. */
    int below(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no choice among " + n + " options");
        }
        if (count >= MAX_DRAWS) {
            throw new IllegalStateException("a generator drew more than " + MAX_DRAWS + " choices");
        }
        int v;
        if (replay == null) {
            v = random.nextInt(n);
        } else {
            int r = count < replay.length ? replay[count] : 0;
            v = r < n ? r : r % n;
        }
        if (count == drawn.length) {
            drawn = Arrays.copyOf(drawn, count * 2);
        }
        drawn[count++] = v;
        return v;
    }

    int between(int min, int max) {
        return min + below(max - min + 1);
    }

    /** True with about this chance; a shrunk choice (0) is false, so shrinking drops optional mutations. */
    boolean chance(int percent) {
        return below(100) >= 100 - percent;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[below(options.length)];
    }

    /** An index chosen with these relative weights (index 0 is the plainest and what shrinking moves towards). */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int v = below(total);
        for (int i = 0; i < weights.length; i++) {
            if (v < weights[i]) {
                return i;
            }
            v -= weights[i];
        }
        throw new AssertionError("unreachable");
    }

    /** The choices drawn so far (after a replay: the ones actually used, never more than were given). */
    int[] choices() {
        return Arrays.copyOf(drawn, count);
    }
}
