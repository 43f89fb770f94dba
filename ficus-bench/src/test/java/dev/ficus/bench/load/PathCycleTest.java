package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PathCycleTest {

    @Test
    void pathsComeRoundRobin() {
        PathCycle c = PathCycle.inOrder(List.of("/a", "/b", "/c"));

        assertThat(IntStream.range(0, 7).mapToObj(i -> c.next()).toList())
                .containsExactly("/a", "/b", "/c", "/a", "/b", "/c", "/a");
    }

    @Test
    void aShuffledCycleVisitsEveryPathOncePerRoundInTheSameOrderForTheSameSeed() {
        List<String> paths = IntStream.range(0, 50).mapToObj(i -> "/p" + i).toList();
        PathCycle one = PathCycle.shuffled(paths, 42);
        PathCycle two = PathCycle.shuffled(paths, 42);

        List<String> round = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String p = one.next();
            assertThat(two.next()).isEqualTo(p);
            round.add(p);
        }
        assertThat(round).containsExactlyInAnyOrderElementsOf(paths).isNotEqualTo(paths);
    }

    @Test
    void noPathsIsRefused() {
        assertThatThrownBy(() -> PathCycle.inOrder(List.of())).hasMessageContaining("at least one path");
    }
}
