package dev.ficus.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void closeKeysAreSuggestedAndFarOnesAreNot() {
        List<String> known = List.of("gateway.port", "gateway.flags.path", "sync.poll_interval");
        assertThat(Suggestions.closest("gateway.prot", known)).isEqualTo("gateway.port");
        assertThat(Suggestions.closest("sync.pol_interval", known)).isEqualTo("sync.poll_interval");
        assertThat(Suggestions.closest("something.else.entirely", known)).isNull();
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
