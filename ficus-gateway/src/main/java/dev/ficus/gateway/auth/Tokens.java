package dev.ficus.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Bearer tokens: reading them from the Authorization header, and hashing them so no token is kept as it is. */
public final class Tokens {
    private Tokens() {
    }

    /**
     * The token of {@code Authorization: Bearer <token>}, read as Magento reads it: the value split at single spaces
     * must give exactly two pieces, the first {@code bearer} in any case (Magento's
     * {@code Integration/Model/Authorization/TokenUserContext::processRequest}, {@code explode(" ", …)}). Empty for
     * anything else, so that Magento, not a service, answers such a caller; also for a token with characters no token
     * has, or longer than any token is.
     */
    public static Optional<String> bearer(List<String> authorization) {
        if (authorization.size() != 1) {
            return Optional.empty();
        }
        String value = authorization.get(0);
        int space = value.indexOf(' ');
        if (space != 6 || value.indexOf(' ', space + 1) >= 0 || !value.regionMatches(true, 0, "bearer", 0, 6)) {
            return Optional.empty();
        }
        String token = value.substring(space + 1);
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
