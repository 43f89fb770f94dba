package dev.ficus.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Bearer tokens: reading them from the Authorization header, and hashing them so no token is kept as it is. */
public final class Tokens {
    private Tokens() {
    }

    /** The token of {@code Authorization: Bearer <token>}; empty for any other scheme or a malformed value. */
    public static Optional<String> bearer(List<String> authorization) {
        if (authorization.size() != 1) {
            return Optional.empty();
        }
        String value = authorization.get(0).strip();
        if (value.length() < 8 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        if (token.isEmpty() || token.length() > 4096 || !token.chars().allMatch(c -> c > 32 && c < 127)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
