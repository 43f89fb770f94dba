package dev.ficus.magento.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Customer password hashes in the format Magento's Encryptor stores in customer_entity.password_hash:
 * {@code <hex hash>:<salt>:<version>}. Version 1 is SHA-256 of salt + password, the one that needs no native library;
 * Argon2 hashes (version 3, written by newer installs) are recognised and refused, since verifying them needs libsodium.
 */
public final class PasswordHash {
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String hash(String password) {
        return hash(password, RANDOM);
    }

    /** Hash with a salt drawn from {@code random}: the fixture passes its seeded generator to stay deterministic. */
    public static String hash(String password, RandomGenerator random) {
        StringBuilder salt = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        return sha256(salt + password) + ":" + salt + ":1";
    }

    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 3 || !parts[2].equals("1")) {
            return false;
        }
        return MessageDigest.isEqual(sha256(parts[1] + password).getBytes(StandardCharsets.US_ASCII),
                parts[0].getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
