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

    /**
     * What PHP 8.2 printed for json_encode((float) $text) with serialize_precision = -1 (php_gcvt, mode 0); the same
     * held for 4,200 random decimal(20,6) and decimal(20,4) texts compared with php-cli once.
     */
    @Test
    void floatsGoThroughADoubleAndPhpsShortestFormat() {
        // the cast rounds to the nearest double, which is exactly 1e14; 17 places and fewer print without exponent
        assertThat(MagentoJson.floatText(new BigDecimal("99999999999999.999999"))).isEqualTo("100000000000000");
        assertThat(MagentoJson.floatText(new BigDecimal("-99999999999999.999999"))).isEqualTo("-100000000000000");
        assertThat(MagentoJson.floatText(new BigDecimal("12345678901234567"))).isEqualTo("12345678901234568");
        assertThat(MagentoJson.floatText(new BigDecimal("100000000000000000"))).isEqualTo("1.0e+17");
        assertThat(MagentoJson.floatText(new BigDecimal("123456789012345678"))).isEqualTo("1.2345678901234568e+17");
        // small values: "0.0001" keeps the plain form, one place further takes an exponent
        assertThat(MagentoJson.floatText(new BigDecimal("0.000100"))).isEqualTo("0.0001");
        assertThat(MagentoJson.floatText(new BigDecimal("0.000010"))).isEqualTo("1.0e-5");
        assertThat(MagentoJson.floatText(new BigDecimal("0.000001"))).isEqualTo("1.0e-6");
        assertThat(MagentoJson.floatText(new BigDecimal("0.000015"))).isEqualTo("1.5e-5");
        assertThat(MagentoJson.floatText(new BigDecimal("-0.000001"))).isEqualTo("-1.0e-6");
        assertThat(MagentoJson.floatText(new BigDecimal("0.123456"))).isEqualTo("0.123456");
        // the shortest digits that read back as the same double, not the decimal's own
        assertThat(MagentoJson.floatText(new BigDecimal("0.1"))).isEqualTo("0.1");
        assertThat(MagentoJson.floatText(new BigDecimal("1234567.891234"))).isEqualTo("1234567.891234");
        assertThat(MagentoJson.floatText(new BigDecimal("0.30000000000000004"))).isEqualTo("0.30000000000000004");
        assertThat(MagentoJson.floatText(new BigDecimal("0.000000"))).isEqualTo("0");
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
