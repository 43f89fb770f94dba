package dev.ficus.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    /**
     * A record read back from PostgreSQL's jsonb keeps Magento's decimals as they were written: a double would make
     * 99999999999999.999999 into 1e14, and stripping zeros would make 100.000000 the whole number 1E+2.
     */
    @Test
    void decimalsAreReadExactlyWithTheirPlaces() {
        JsonNode n = Json.read("{\"max\":99999999999999.999999,\"hundred\":100.000000,\"zero\":0.000000,\"qty\":7}");
        assertThat(n.get("max").decimalValue()).isEqualTo(new BigDecimal("99999999999999.999999"));
        assertThat(n.get("hundred").isIntegralNumber()).isFalse();
        assertThat(n.get("qty").isIntegralNumber()).isTrue();
        assertThat(Json.write(n)).isEqualTo("{\"max\":99999999999999.999999,\"hundred\":100.000000,\"zero\":0.000000,"
                + "\"qty\":7}");
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = Json.convert(n, Map.class);
        assertThat(columns.get("max")).isEqualTo(new BigDecimal("99999999999999.999999"));
    }
}
