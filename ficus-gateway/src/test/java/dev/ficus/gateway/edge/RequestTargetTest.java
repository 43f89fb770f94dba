package dev.ficus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 §3.2 request-target forms and the normalization of what an upstream gets (RFC 3986 §5.2.4). */
class RequestTargetTest {

    private static RequestTarget.Proxied proxied(String method, String raw) {
        RequestTarget t = RequestTarget.parse(method, raw);
        assertThat(t).as(raw).isInstanceOf(RequestTarget.Proxied.class);
        return (RequestTarget.Proxied) t;
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "/rest/V1/products/sku-1                                  => /rest/V1/products/sku-1",
            "/rest/V1/products?searchCriteria[pageSize]=5              => /rest/V1/products?searchCriteria[pageSize]=5",
            "/                                                        => /",
            "/rest/V1/products/                                       => /rest/V1/products/",
            "//127.0.0.1:8006/rest/V1/customers/2                     => /127.0.0.1:8006/rest/V1/customers/2",
            "/rest//V1///products/a                                   => /rest/V1/products/a",
            "/rest/V1/x/../products/a                                 => /rest/V1/products/a",
            "/rest/V1/x/%2e%2E/products/./a                           => /rest/V1/products/a",
            "/rest/V1/x/.%2e/products/%2e/a                           => /rest/V1/products/a",
            "/rest/V1/products/a/..                                   => /rest/V1/products/",
            "/rest/V1/products/a%2Fb                                  => /rest/V1/products/a%2Fb",
            "/rest/V1/products/%252e%252e                             => /rest/V1/products/%252e%252e",
            "/rest/V1/products/x%00                                   => /rest/V1/products/x%00",
            "/rest/V1/products/a\\b                                   => /rest/V1/products/a%5Cb",
            "/rest/V1/products/a\"<>^`{|}                             => /rest/V1/products/a%22%3C%3E%5E%60%7B%7C%7D",
            "/rest/V1/products?q=a%zz&b=%                             => /rest/V1/products?q=a%25zz&b=%25",
            "/rest/V1/products?q=a\\b|c                               => /rest/V1/products?q=a%5Cb%7Cc",
            "/p?                                                      => /p?",
    })
    void originFormIsNormalized(String raw, String expected) {
        assertThat(proxied("GET", raw).pathAndQuery()).isEqualTo(expected);
    }

    @Test
    void bytesBeyondAsciiArePercentEncodedAsTheyCame() {
        // Netty hands each byte of the request line over as one char: é in UTF-8 is C3 A9
        assertThat(proxied("GET", "/rest/V1/products/caf\u00c3\u00a9").path()).isEqualTo("/rest/V1/products/caf%C3%A9");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8006/rest/V1/customers/2          | /rest/V1/customers/2",
            "HTTP://user:pw@evil.example/rest/V1/products?x=1    | /rest/V1/products?x=1",
            "https://evil.example                                | /",
            "http://evil.example?x=1                             | /?x=1",
            "http://evil.example/a/../../b                       | ",
    })
    void absoluteFormKeepsThePathAndDropsTheAuthority(String raw, String expected) {
        RequestTarget t = RequestTarget.parse("GET", raw);
        if (expected == null) {
            assertThat(t).isEqualTo(RequestTarget.NOT_PARSEABLE);
        } else {
            assertThat(((RequestTarget.Proxied) t).pathAndQuery()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "@127.0.0.1:8006/rest/V1/customers/2", "127.0.0.1:8006/x", "\\\\127.0.0.1\\x",
            "rest/V1/products", "ftp://host/x", "http:///x", "", "/a/../../b", "/..", "/a%zz", "/a%4", "/a%",
            "/a\u0000b", "/a\tb", "/a\u007fb", "/a#frag", "/a?b#c", "/a?b\u0001", "/\u0100"})
    void unparseableTargetsAre400(String raw) {
        assertThat(RequestTarget.parse("GET", raw)).isEqualTo(RequestTarget.NOT_PARSEABLE);
    }

    @Test
    void optionsAsteriskIs400AndConnectNeverProxiedAsNginxAnswersIt() {
        assertThat(RequestTarget.parse("OPTIONS", "*")).isEqualTo(RequestTarget.NOT_PARSEABLE);
        assertThat(RequestTarget.parse("CONNECT", "127.0.0.1:8006")).isEqualTo(RequestTarget.NOT_PARSEABLE);
        assertThat(RequestTarget.parse("CONNECT", "http://127.0.0.1:8006/")).isEqualTo(RequestTarget.CONNECT_NOT_ALLOWED);
        assertThat(RequestTarget.parse("connect", "/rest/V1/products")).isEqualTo(RequestTarget.CONNECT_NOT_ALLOWED);
        assertThat(RequestTarget.parse("GET", null)).isEqualTo(RequestTarget.NOT_PARSEABLE);
    }

    /** The fast path may only skip work: whatever it passes, the full normalization leaves unchanged. */
    @Test
    void whatTheFastPathPassesTheFullNormalizationLeavesAsItIs() {
        String alphabet = "/./%2e%2E%41%zz?&=[]+@:a-_~\\#|\u00e9\u0000";
        java.util.Random random = new java.util.Random(14);
        int passed = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String target = b.toString();
            int q = target.indexOf('?');
            if (RequestTargetParser.alreadyNormal(target, q)) {
                passed++;
                RequestTarget full = RequestTargetParser.normalize(target, q);
                assertThat(full).as(target).isInstanceOf(RequestTarget.Proxied.class);
                assertThat(((RequestTarget.Proxied) full).pathAndQuery()).as(target).isEqualTo(target);
            }
        }
        assertThat(passed).as("targets the fast path took").isGreaterThan(1_000);
    }
}
