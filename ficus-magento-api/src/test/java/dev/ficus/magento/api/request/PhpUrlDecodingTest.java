package dev.ficus.magento.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PHP's urldecode and parse_str, as Magento's REST router and PHP apply them (see {@link PhpUrlDecoding}). */
class PhpUrlDecodingTest {

    @Test
    void decodesAsUrldecodeDoes() {
        assertThat(PhpUrlDecoding.decode("a+b")).isEqualTo("a b");
        assertThat(PhpUrlDecoding.decode("%41%2f%2B")).isEqualTo("A/+");
        assertThat(PhpUrlDecoding.decode("%C3%A9%F0%9F%98%80")).isEqualTo("é😀");
        assertThat(PhpUrlDecoding.decode("plain-SKU_1.2")).isEqualTo("plain-SKU_1.2");
    }

    @Test
    void aPercentSignWithoutTwoHexDigitsStaysAsItIs() {
        assertThat(PhpUrlDecoding.decode("100%")).isEqualTo("100%");
        assertThat(PhpUrlDecoding.decode("%zz%2%")).isEqualTo("%zz%2%");
        assertThat(PhpUrlDecoding.decode("%%41")).isEqualTo("%A");
        assertThat(PhpUrlDecoding.keepsAPercentSign("/a%20b")).isFalse();
        assertThat(PhpUrlDecoding.keepsAPercentSign("/a%2")).isTrue();
        assertThat(PhpUrlDecoding.keepsAPercentSign("/a%g0b")).isTrue();
    }

    @Test
    void rawBytesOfTheRequestLineAreBytes() {
        // Netty hands the request line over as ISO-8859-1: one char per byte
        assertThat(PhpUrlDecoding.decode("\u00c3\u00a9")).isEqualTo("é");
    }

    @Test
    void eachByteThatIsNotUtf8BecomesItsOwnLoneSurrogate() {
        assertThat(PhpUrlDecoding.decode("%C3%28")).isEqualTo("\uDCC3(");
        assertThat(PhpUrlDecoding.decode("x%FF")).isEqualTo("x\uDCFF");
        assertThat(PhpUrlDecoding.decode("%ED%A0%80")).isEqualTo("\uDCED\uDCA0\uDC80");
        assertThat(PhpUrlDecoding.decode("\u00ff")).isEqualTo("\uDCFF");
        assertThat(PhpUrlDecoding.decode("a%00b")).isEqualTo("a\0b");
    }

    @Test
    void theQueryIsSplitOnAmpersandsOnly() {
        Map<String, List<String>> q = PhpUrlDecoding.query("a=1;b=2&c&=x&&d=%zz&a=3&e+f=g+h");
        assertThat(q).containsExactly(Map.entry("a", List.of("1;b=2", "3")), Map.entry("c", List.of("")),
                Map.entry("d", List.of("%zz")), Map.entry("e f", List.of("g h")));
        assertThat(PhpUrlDecoding.query(null)).isEmpty();
        assertThat(PhpUrlDecoding.query("")).isEmpty();
    }
}
