package dev.ficus.tools;

import dev.ficus.core.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The gateway's admin token in {@code ficus dev} when none is configured: generated once, kept in
 * {@code <devstack.work_dir>/admin-token} (readable by its owner only), and found there by {@code ficus flags}. A
 * deployment sets {@code gateway.admin.token} (or its {@code _file}) instead.
 */
final class DevAdminToken {
    static final String FILE_NAME = "admin-token";

    private DevAdminToken() {
    }

    static Path file(Path workDir) {
        return workDir.resolve(FILE_NAME);
    }

    static Secret loadOrCreate(Path workDir) {
        Optional<Secret> existing = load(workDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path file = file(workDir);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(workDir);
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays as private as the work folder
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev admin token to " + file, e);
        }
        return Secret.of(token);
    }

    static Optional<Secret> load(Path workDir) {
        Path file = file(workDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(Secret.of(token));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dev admin token " + file, e);
        }
    }
}
