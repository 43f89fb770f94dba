package dev.ficus.magento.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.data.Store;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestCallTest {
    private static final Store DEFAULT = new Store(1, "default", 1, 1, "Default Store View");

    @Test
    void aNumericPathParameterIsANumber() {
        assertThat(call("id", "42").pathNumber("id")).isEqualTo(42L);
    }

    @Test
    void aPathParameterThatIsNotANumberIsMagentosInvalidTypeErrorWithValueBeforeType() {
        MagentoException e = catchThrowableOfType(() -> call("id", "abc").pathNumber("id"), MagentoException.class);

        assertThat(e.error().status()).isEqualTo(400);
        assertThat(e.error().body()).isEqualTo("{\"message\":\"The \\\"%value\\\" value's type is invalid. "
                + "The \\\"%type\\\" type was expected. Verify and try again.\","
                + "\"parameters\":{\"value\":\"abc\",\"type\":\"int\"}}");
    }

    private static RestCall call(String name, String value) {
        return new RestCall(DEFAULT, Map.of(name, value), Map.<String, List<String>>of(), null, null);
    }
}
