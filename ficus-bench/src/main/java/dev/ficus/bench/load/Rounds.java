package dev.ficus.bench.load;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** One target's rounds of the same run, in the order they ran; a figure is taken from its median round. */
public record Rounds(List<LoadResult> rounds) {
    public Rounds {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        rounds = List.copyOf(rounds);
    }

    /** The round with the median rate (the lower of the two middle ones for an even count): closed-loop runs. */
    public LoadResult medianRate() {
        return median(LoadResult::okPerSecond);
    }

    /** The round with the median p99 (the lower of the two middle ones for an even count): open-loop runs. */
    public LoadResult medianP99() {
        return median(r -> r.latencies().p99Ms());
    }

    private LoadResult median(ToDoubleFunction<LoadResult> figure) {
        List<LoadResult> sorted = rounds.stream().sorted(Comparator.comparingDouble(figure)).toList();
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
    public String eachRate() {
        return rounds.stream().map(r -> LoadResult.perSecond(r.okPerSecond())).collect(Collectors.joining(" / "));
    }

    /** {@code 3.41 / 2.98 / 3.60}: each round's p99 in ms, in the order they ran. */
    public String eachP99() {
        return rounds.stream().map(LoadResult::p99).collect(Collectors.joining(" / "));
    }

    /** Per round, this target's rate as a share of {@code other}'s in the same round (0 when the other had none). */
    public List<Double> sharesOf(Rounds other) {
        if (other.rounds.size() != rounds.size()) {
            throw new IllegalArgumentException("rounds differ: " + rounds.size() + " vs " + other.rounds.size());
        }
        return IntStream.range(0, rounds.size())
                .mapToObj(i -> {
                    double whole = other.rounds.get(i).okPerSecond();
                    return whole <= 0 ? 0.0 : rounds.get(i).okPerSecond() / whole;
                }).toList();
    }
}
