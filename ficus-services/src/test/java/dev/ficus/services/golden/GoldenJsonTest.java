package dev.ficus.services.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.services.golden.GoldenJson.Difference;
import dev.ficus.services.golden.GoldenJson.Rules;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The golden comparison itself: what it tells apart and what it forgives, and only that. */
class GoldenJsonTest {

    private static List<Difference> diff(String expected, String actual) {
        return GoldenJson.compare(GoldenJson.parse(expected), GoldenJson.parse(actual), Rules.none());
    }

    @Test
    void numbersCompareByTheirTextSoFloatFormattingShows() {
        assertThat(diff("{\"a\":5}", "{\"a\":5}")).isEmpty();
        assertThat(diff("{\"a\":5}", "{\"a\":5.0}")).containsExactly(new Difference("$.a", "5", "5.0"));
        assertThat(diff("{\"a\":1.0e-6}", "{\"a\":0.000001}"))
                .containsExactly(new Difference("$.a", "1.0e-6", "0.000001"));
        assertThat(diff("{\"a\":100000000000000}", "{\"a\":99999999999999.999999}")).hasSize(1);
        assertThat(diff("{\"a\":\"5\"}", "{\"a\":5}")).containsExactly(new Difference("$.a", "\"5\"", "5"));
    }

    @Test
    void stringsCompareAfterUnescaping() {
        assertThat(diff("{\"a\":\"a/b é\"}", "{\"a\":\"a\\/b \\u00e9\"}")).isEmpty();
        assertThat(diff("{\"a\":\"<p>\"}", "{\"a\":\"\\u003Cp\\u003E\"}")).isEmpty();
    }

    @Test
    void keyOrderAndMissingOrExtraKeysShow() {
        assertThat(diff("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}"))
                .containsExactly(new Difference("$ (key order from position 0)", "[a, b]", "[b, a]"));
        assertThat(diff("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}",
                "{\"a\":1,\"c\":3,\"b\":2,\"d\":4,\"e\":5,\"f\":6}"))
                .containsExactly(new Difference("$ (key order from position 1)", "[b, c, d, e]…", "[c, b, d, e]…"));
        assertThat(diff("{\"a\":1,\"b\":null}", "{\"a\":1}"))
                .containsExactly(new Difference("$.b", "null", "no such key"));
        assertThat(diff("{\"a\":1}", "{\"a\":1,\"c\":[]}")).containsExactly(new Difference("$.c", "no such key", "[]"));
    }

    @Test
    void arraysKeepTheirOrderUnlessARuleSaysOtherwise() {
        String expected = "{\"l\":[{\"k\":\"x\",\"v\":1},{\"k\":\"y\",\"v\":2}]}";
        String actual = "{\"l\":[{\"k\":\"y\",\"v\":2},{\"k\":\"x\",\"v\":3}]}";
        assertThat(diff(expected, actual)).hasSize(4);
        Rules set = new Rules(Map.of(Pattern.compile("\\$\\.l"), "k"), Map.of());
        assertThat(GoldenJson.compare(GoldenJson.parse(expected), GoldenJson.parse(actual), set))
                .containsExactly(new Difference("$.l[k=x].v", "1", "3"));
    }

    @Test
    void maskedPathsAreNotCompared() {
        Rules masked = new Rules(Map.of(), Map.of(Pattern.compile("\\$\\.at"), "varies"));
        assertThat(GoldenJson.compare(GoldenJson.parse("{\"at\":\"x\",\"b\":1}"),
                GoldenJson.parse("{\"at\":\"y\",\"b\":1}"), masked)).isEmpty();
    }

    @Test
    void aDocumentWithADuplicateKeyIsRefused() {
        assertThatThrownBy(() -> GoldenJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key 'a'");
    }
}
