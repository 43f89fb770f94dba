package dev.ficus.magento.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.config.Secret;
import dev.ficus.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens as Magento 2.4.4+ issues them by default: HS256 JWTs with the claims {@code uid} (user id),
 * {@code utypid} (user type), {@code iat} and {@code exp}. Anyone holding the signing key can verify them, which is
 * how a Ficus service could check a customer token without asking Magento.
 */
public final class JwtTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString("{\"kid\":\"1\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key;
    private final Clock clock;

    public JwtTokens(Secret key, Clock clock) {
        this.key = key.reveal().isEmpty() ? randomKey() : key.reveal().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public String issue(UserType type, long userId, Duration lifetime) {
        Instant now = clock.instant();
        ObjectNode claims = Json.object();
        claims.put("uid", userId);
        claims.put("utypid", type.id());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        String unsigned = HEADER + "." + ENCODER.encodeToString(Json.writeBytes(claims));
        return unsigned + "." + ENCODER.encodeToString(sign(unsigned));
    }

    /** The claims of a well-formed, correctly signed, unexpired token; empty for anything else. */
    public Optional<TokenClaims> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = Json.read(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
            Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
            if (!expires.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(UserType.fromId(claims.path("utypid").asInt()), claims.path("uid").asLong(), expires));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
