package dev.ficus.bench.load;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** One target's closed-loop rounds, in the order they ran: the median round is its figure. */
public record MaxRounds(List<LoadResult> rounds) {
    public MaxRounds {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        rounds = List.copyOf(rounds);
    }

    /** The round with the median rate (the lower of the two middle ones for an even count). */
    public LoadResult median() {
        List<LoadResult> sorted = rounds.stream().sorted(Comparator.comparingDouble(LoadResult::okPerSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Errors over all rounds. */
    public long errors() {
        return rounds.stream().mapToLong(LoadResult::errors).sum();
    }

    /** {@code 0} or {@code 3 (HTTP 503)}: all rounds' errors, with one reason. */
    public String errorsCell() {
        String sample = rounds.stream().map(LoadResult::sampleError).filter(s -> s != null).findFirst().orElse(null);
        long n = errors();
        return n == 0 || sample == null ? Long.toString(n) : n + " (" + sample + ")";
    }

    /** {@code 5,120 / 5,480 / 5,301}: each round's rate, in the order they ran. */
    public String each() {
        return rounds.stream().map(r -> LoadResult.perSecond(r.okPerSecond())).collect(Collectors.joining(" / "));
    }

    /** Per round, this target's rate as a share of {@code other}'s in the same round (0 when the other had none). */
    public List<Double> sharesOf(MaxRounds other) {
        if (other.rounds.size() != rounds.size()) {
            throw new IllegalArgumentException("rounds differ: " + rounds.size() + " vs " + other.rounds.size());
        }
        return java.util.stream.IntStream.range(0, rounds.size())
                .mapToObj(i -> {
                    double whole = other.rounds.get(i).okPerSecond();
                    return whole <= 0 ? 0.0 : rounds.get(i).okPerSecond() / whole;
                }).toList();
    }
}
