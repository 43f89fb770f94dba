package dev.ficus.magento.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuthTest {

    @Test
    void passwordHashesVerifyOnlyTheirPasswordAndAreReproducibleFromASeed() {
        String h = PasswordHash.hash("123123q");
        assertThat(h).matches("[0-9a-f]{64}:[A-Za-z0-9]{32}:1");
        assertThat(PasswordHash.verify("123123q", h)).isTrue();
        assertThat(PasswordHash.verify("123123Q", h)).isFalse();
        assertThat(PasswordHash.verify("x", "argon-hash:salt:3_32_2_67108864")).isFalse();
        assertThat(PasswordHash.hash("p", new SplittableRandom(1))).isEqualTo(PasswordHash.hash("p", new SplittableRandom(1)));
    }

    @Test
    void tokensVerifyWithTheirKeyUntilTheyExpire() {
        Clock t0 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        JwtTokens tokens = new JwtTokens(Secret.of("k1"), t0);
        String token = tokens.issue(UserType.CUSTOMER, 42, Duration.ofHours(1));
        assertThat(token.split("\\.")).hasSize(3);
        TokenClaims claims = tokens.verify(token).orElseThrow();
        assertThat(claims.userType()).isEqualTo(UserType.CUSTOMER);
        assertThat(claims.userId()).isEqualTo(42);
        assertThat(new JwtTokens(Secret.of("k2"), t0).verify(token)).isEmpty();
        assertThat(new JwtTokens(Secret.of("k1"), Clock.offset(t0, Duration.ofHours(2))).verify(token)).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThat(tokens.verify("nonsense")).isEmpty();
    }
}
