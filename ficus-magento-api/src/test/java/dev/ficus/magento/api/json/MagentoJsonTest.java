package dev.ficus.magento.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MagentoJsonTest {

    @Test
    void floatsPrintAsPhpJsonEncodePrintsThem() {
        assertThat(MagentoJson.floatText(new BigDecimal("34.000000"))).isEqualTo("34");
        assertThat(MagentoJson.floatText(new BigDecimal("9.990000"))).isEqualTo("9.99");
        assertThat(MagentoJson.floatText(new BigDecimal("0.0000"))).isEqualTo("0");
        assertThat(MagentoJson.floatText(new BigDecimal("12345678.9000"))).isEqualTo("12345678.9");
        assertThat(MagentoJson.floatText(new BigDecimal("100"))).isEqualTo("100");
        assertThat(MagentoJson.floatText(new BigDecimal("-5.50"))).isEqualTo("-5.5");
    }

    @Test
    void eavValuesPrintAsTheDatabaseText() {
        assertThat(MagentoJson.eavText("decimal", new BigDecimal("9.99"))).isEqualTo("9.990000");
        assertThat(MagentoJson.eavText("decimal", "12")).isEqualTo("12.000000");
        assertThat(MagentoJson.eavText("int", 2L)).isEqualTo("2");
        assertThat(MagentoJson.eavText("datetime", "2025-01-06 00:00:00")).isEqualTo("2025-01-06 00:00:00");
        assertThat(MagentoJson.eavText("varchar", "container2")).isEqualTo("container2");
    }

    @Test
    void datesPrintWithoutZoneOrFraction() {
        assertThat(MagentoJson.dateTime(Timestamp.valueOf("2025-01-06 09:00:01.0"))).isEqualTo("2025-01-06 09:00:01");
        assertThat(MagentoJson.dateTime(LocalDateTime.of(2025, 1, 6, 9, 0, 1))).isEqualTo("2025-01-06 09:00:01");
        assertThat(MagentoJson.dateTime("2025-01-06T09:00:01.123Z")).isEqualTo("2025-01-06 09:00:01");
        assertThat(MagentoJson.date("1973-12-15")).isEqualTo("1973-12-15");
    }

    @Test
    void stringsAreEscapedAsPhpJsonEncodeEscapesThem() {
        var node = MagentoJson.object().put("d", "<p>a/b</p> caf\u00e9 \ud83d\ude00 \u0001\n\"");
        assertThat(MagentoJson.write(node))
                .isEqualTo("{\"d\":\"<p>a\\/b<\\/p> caf\\u00e9 \\ud83d\\ude00 \\u0001\\n\\\"\"}");
        assertThat(MagentoJson.write(true)).isEqualTo("true");
        assertThat(MagentoJson.write("tok")).isEqualTo("\"tok\"");
    }
}
