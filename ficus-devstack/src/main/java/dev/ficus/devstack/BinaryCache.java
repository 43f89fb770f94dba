package dev.ficus.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Where server binaries are unpacked once per machine and user, outside any work directory: MariaDB alone is
 * 360 MB unpacked, so neither {@code --fresh} nor a new test JVM should copy it again. Override the place with the
 * system property {@code ficus.devstack.cache}; the default is {@code $XDG_CACHE_HOME/ficus/devstack} or
 * {@code ~/.cache/ficus/devstack} (deliberately not /tmp, which is memory on many desktops).
 */
public final class BinaryCache {
    public static final String CACHE_PROPERTY = "ficus.devstack.cache";

    private BinaryCache() {
    }

    public static Path root() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cacheHome = xdg != null && !xdg.isBlank()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cacheHome.resolve("ficus").resolve("devstack").toAbsolutePath();
    }

    /**
     * Runs {@code work} while holding an exclusive lock on {@code dir}, across threads and processes, so that two
     * test JVMs starting at once never see each other's half-copied binaries.
     */
    public static <T> T withLock(Path dir, Supplier<T> work) {
        synchronized (BinaryCache.class) {
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not lock " + dir, e);
            }
        }
    }
}
