package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.http.HealthEndpoints.State;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadinessVerdictTest {
    private static final List<StreamLag.TopicLag> CAUGHT_UP = List.of(
            new StreamLag.TopicLag("migration.product.changed", 10, 0, 0),
            new StreamLag.TopicLag("migration.stock.changed", 0, 0, -1));

    @Test
    void withEverythingUpAndLittleLagItIsReady() {
        assertThat(ReadinessVerdict.of(true, true, CAUGHT_UP, null, Set.of(), 1000).state()).isEqualTo(State.UP);
    }

    @Test
    void lagOverTheLimitIsCatchingUpWithTheLargestLagAndWhatIsLeftToApply() {
        var verdict = ReadinessVerdict.of(true, true, List.of(
                new StreamLag.TopicLag("migration.product.changed", 5_000, 500, 20_000),
                new StreamLag.TopicLag("migration.stock.changed", 200, 3, -1)), null, Set.of(), 1000);
        assertThat(verdict.state()).isEqualTo(State.CATCHING_UP);
        assertThat(verdict.details()).containsEntry("lag_ms", 5_000L).containsEntry("pending", 20_503L);
    }

    @Test
    void aMissingDatabaseRedisOrGroupIsAFailureWhateverTheLag() {
        var lagging = List.of(new StreamLag.TopicLag("migration.product.changed", 5_000, 1, 1));
        assertThat(ReadinessVerdict.of(false, true, lagging, null, Set.of(), 1000).state()).isEqualTo(State.DOWN);
        assertThat(ReadinessVerdict.of(true, false, lagging, null, Set.of(), 1000).state()).isEqualTo(State.DOWN);
        var noRedis = ReadinessVerdict.of(true, true, null, "connection refused", Set.of(), 1000);
        assertThat(noRedis.state()).isEqualTo(State.DOWN);
        assertThat(noRedis.details()).containsEntry("redis", "down: connection refused");
    }

    @Test
    void aTopicWhoseSnapshotMarkIsNotAppliedKeepsTheServiceCatchingUpHoweverSmallItsLag() {
        var verdict = ReadinessVerdict.of(true, true, CAUGHT_UP, null, Set.of("migration.stock.changed"), 1000);
        assertThat(verdict.state()).isEqualTo(State.CATCHING_UP);
        assertThat(verdict.details()).containsEntry("snapshot", "in_progress");
        assertThat(ReadinessVerdict.of(true, true, CAUGHT_UP, null, Set.of(), 1000).details())
                .containsEntry("snapshot", "applied");
    }
}
