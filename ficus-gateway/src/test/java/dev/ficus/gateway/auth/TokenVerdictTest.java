package dev.ficus.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.events.Domain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenVerdictTest {
    @Test
    void magentosStatusDecides() {
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 404, "{}").kind()).isEqualTo(Verdict.Kind.ALLOWED);
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 200, "{}").kind()).isEqualTo(Verdict.Kind.ALLOWED);
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 401, "{}").kind()).isEqualTo(Verdict.Kind.REFUSED);
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 403, "{}").kind()).isEqualTo(Verdict.Kind.REFUSED);
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 400, "{}").kind()).isEqualTo(Verdict.Kind.REFUSED);
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 500, "{}").kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        assertThat(TokenVerifier.verdict(AccessRule.ORDER, 503, "{}").kind()).isEqualTo(Verdict.Kind.UNKNOWN);
    }

    @Test
    void theSelfCheckGivesTheCustomerId() {
        assertThat(TokenVerifier.verdict(AccessRule.CUSTOMER_SELF, 200, "{\"id\":42,\"email\":\"a@b\"}"))
                .isEqualTo(Verdict.allowed("42"));
        assertThat(TokenVerifier.verdict(AccessRule.CUSTOMER_SELF, 200, "not json").kind())
                .isEqualTo(Verdict.Kind.UNKNOWN);
        assertThat(TokenVerifier.verdict(AccessRule.CUSTOMER_SELF, 401, "{}").kind()).isEqualTo(Verdict.Kind.REFUSED);
    }

    @Test
    void rulesFollowTheRoute() {
        assertThat(AccessRule.of(Domain.CUSTOMER, "/rest/default/V1/customers/me")).isEqualTo(AccessRule.CUSTOMER_SELF);
        assertThat(AccessRule.of(Domain.CUSTOMER, "/rest/V1/customers/5")).isEqualTo(AccessRule.CUSTOMER);
        assertThat(AccessRule.of(Domain.CATALOG, "/rest/V1/products/me")).isEqualTo(AccessRule.CATALOG);
    }

    @Test
    /** As Magento's Integration/Model/Authorization/TokenUserContext reads it: explode(" ") into exactly two pieces. */
    void bearerTokensOnlyReadAsMagentoReadsThem() {
        assertThat(Tokens.bearer(List.of("Bearer abc123"))).contains("abc123");
        assertThat(Tokens.bearer(List.of("BEARER abc123"))).contains("abc123");
        assertThat(Tokens.bearer(List.of("bearer   abc123"))).isEmpty();
        assertThat(Tokens.bearer(List.of("Bearer  abc123"))).isEmpty();
        assertThat(Tokens.bearer(List.of("Bearer abc123 "))).isEmpty();
        assertThat(Tokens.bearer(List.of("Bearer "))).isEmpty();
        assertThat(Tokens.bearer(List.of("Bearer\tabc123"))).isEmpty();
        assertThat(Tokens.bearer(List.of("OAuth oauth_consumer_key=x"))).isEmpty();
        assertThat(Tokens.bearer(List.of("Bearer a b"))).isEmpty();
        assertThat(Tokens.bearer(List.of("Bearer a", "Bearer b"))).isEmpty();
        assertThat(Tokens.hash("abc")).hasSize(32).isNotEqualTo("abc");
    }

    @Test
    void verdictsExpireAndTheCacheIsBounded() {
        AtomicLong now = new AtomicLong();
        TokenCache cache = new TokenCache(Duration.ofSeconds(10), 2, now::get);
        cache.put("a", Verdict.allowed(null));
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get("a")).isNotNull();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get("a")).isNull();
        cache.put("b", Verdict.REFUSED);
        cache.put("c", Verdict.REFUSED);
        cache.put("d", Verdict.REFUSED);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isNull();
    }
}
