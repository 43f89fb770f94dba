package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MysqlNumbersTest {
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);

    @Test
    void readsTheLongestNumericPrefix() {
        assertThat(MysqlNumbers.read("12abc")).isEqualByComparingTo("12");
        assertThat(MysqlNumbers.read("abc")).isEqualByComparingTo("0");
        assertThat(MysqlNumbers.read("")).isEqualByComparingTo("0");
        assertThat(MysqlNumbers.read("  -3.5e2x")).isEqualByComparingTo("-350");
        assertThat(MysqlNumbers.read(".5")).isEqualByComparingTo("0.5");
        assertThat(MysqlNumbers.read("9.99\0")).isEqualByComparingTo("9.99");
        assertThat(MysqlNumbers.read("5\uDCFF")).isEqualByComparingTo("5");
        assertThat(MysqlNumbers.read("9".repeat(300))).isEqualByComparingTo("9".repeat(300));
    }

    @Test
    void staysWithinADoublesRange() {
        assertThat(MysqlNumbers.read("1e999999")).isEqualByComparingTo(LARGEST);
        assertThat(MysqlNumbers.read("-1e999999")).isEqualByComparingTo(LARGEST.negate());
        assertThat(MysqlNumbers.read("1e99999999999")).isEqualByComparingTo(LARGEST);
        assertThat(MysqlNumbers.read("-1e99999999999")).isEqualByComparingTo(LARGEST.negate());
        assertThat(MysqlNumbers.read("1e-999999")).isEqualByComparingTo("0");
        assertThat(MysqlNumbers.read("-1e-99999999999")).isEqualByComparingTo("0");
        assertThat(MysqlNumbers.read("1e308")).isEqualByComparingTo("1e308");
        assertThat(MysqlNumbers.read("1e-320")).isEqualByComparingTo("1e-320");
    }
}
