package dev.ficus.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** An upstream's response headers on their way to the client: names are matched whatever their case. */
class HeadersTest {

    @Test
    void hopByHopAndConnectionListedHeadersStayOnTheUpstreamsHop() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("CONNECTION", "keep-alive, X-Hop, content-length")
                .add("keep-alive", "timeout=5")
                .add("Transfer-ENCODING", "chunked")
                .add("x-HOP", "1")
                .add("X-Magento-Tags", "a")
                .add("Set-Cookie", "a=1")
                .add("set-cookie", "b=2")
                .add("Content-Length", "12");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        Headers.copyResponse(from, to, true);
        assertThat(to.names()).containsExactlyInAnyOrder("Content-Type", "X-Magento-Tags", "Set-Cookie",
                "Content-Length");
        assertThat(to.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
        // Connection cannot list the length away: it frames the body that is relayed
        assertThat(to.get("content-length")).isEqualTo("12");
    }

    @Test
    void theLengthIsDroppedWhenTheBodyIsRelayedChunked() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap().add("content-LENGTH", "12").add("ETag", "\"x\"");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        Headers.copyResponse(from, to, false);
        assertThat(to.names()).containsExactly("ETag");
    }

    @Test
    void withoutConnectionOnlyTheFixedHopByHopHeadersGo() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap().add("Upgrade", "h2c").add("TE", "trailers")
                .add("Trailer", "x").add("Proxy-Authenticate", "Basic").add("X-Other", "1");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        Headers.copyResponse(from, to, true);
        assertThat(to.names()).containsExactly("X-Other");
    }
}
