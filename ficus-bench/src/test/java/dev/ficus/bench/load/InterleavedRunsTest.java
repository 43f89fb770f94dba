package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.bench.report.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleavedRunsTest {

    @Test
    void aClosedLoopRunnerGetsTwoWarmUpPassesOfHalfTheWarmUpThenTheRoundsInTurn() {
        List<InterleavedRuns.Entry> entries = List.of(entry("a"), entry("b"));
        List<String> calls = new ArrayList<>();
        ClosedLoopLoad.Settings settings = new ClosedLoopLoad.Settings(32, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(2));

        List<Rounds> rounds = InterleavedRuns.closedLoop(entries, settings, Duration.ofSeconds(4), 2, line -> { },
                (e, s) -> {
                    calls.add(e.target().name() + " " + s.warmup().toSeconds() + "+" + s.duration().toSeconds());
                    return new LoadResult(calls.size(), calls.size(), 0, 1.0, new Latencies().summary(), null);
                });

        assertThat(calls).containsExactly("a 0+2", "b 0+2", "a 0+2", "b 0+2", "a 1+5", "b 1+5", "a 1+5", "b 1+5");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).eachRate()).isEqualTo("5 / 7");
        assertThat(rounds.get(1).eachRate()).isEqualTo("6 / 8");
    }

    private static InterleavedRuns.Entry entry(String name) {
        return new InterleavedRuns.Entry(new HttpTarget(name, "127.0.0.1", 1, List.of("/"), Map.of()), r -> { });
    }
}
