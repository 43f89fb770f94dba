package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    @Test
    void equalDocumentsInAnotherKeyOrderAndNumberSpellingHaveNoDifference() {
        assertThat(JsonDiff.diff(Json.read("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":2.500000}}"),
                Json.read("{\"b\":{\"d\":2.5,\"c\":\"x\"},\"a\":1}"))).isEmpty();
    }

    @Test
    void eachDifferingLeafIsNamedByItsPathWithBothValues() {
        assertThat(JsonDiff.diff(
                Json.read("{\"attributes\":{\"name\":\"Shirt\",\"price\":10.5},\"addresses\":[{\"city\":\"Oslo\"}]}"),
                Json.read("{\"attributes\":{\"name\":\"Tampered\",\"price\":10.5},\"addresses\":[{\"city\":\"Bergen\"}]}")))
                .containsExactly(new FieldDiff("attributes.name", "Shirt", "Tampered"),
                        new FieldDiff("addresses[0].city", "Oslo", "Bergen"));
    }

    @Test
    void aFieldOnOneSideOnlyHasNullOnTheOther() {
        assertThat(JsonDiff.diff(Json.read("{\"a\":1,\"list\":[1,2]}"), Json.read("{\"b\":null,\"list\":[1]}")))
                .containsExactly(new FieldDiff("a", "1", null), new FieldDiff("list[1]", "2", null),
                        new FieldDiff("b", null, "null"));
    }

    @Test
    void aNumberAndTheSameDigitsAsTextDiffer() {
        assertThat(JsonDiff.diff(Json.read("{\"qty\":5}"), Json.read("{\"qty\":\"5\"}")))
                .containsExactly(new FieldDiff("qty", "5", "5"));
    }
}
