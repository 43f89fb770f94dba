package dev.ficus.gateway.flag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A directory with one file per key: how Kubernetes mounts a ConfigMap (each key a symbolic link into {@code ..data},
 * which it swaps in one step on an update), and how a person keeps flags on one machine. Hidden files (the
 * {@code ..data} links, temporary and lock files) are not keys. Writes replace one file atomically under a lock file,
 * so concurrent gateways on one host never lose each other's history entries.
 */
public final class DirectoryFlagStore implements FlagStore {
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final String LOCK = ".ficus-flags.lock";

    private final Path dir;

    public DirectoryFlagStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public String description() {
        return "directory " + dir.toAbsolutePath().normalize();
    }

    @Override
    public Map<String, String> read() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !KEY.matcher(name).matches() || !Files.isRegularFile(p)) {
                    continue;
                }
                out.put(name, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public Map<String, String> update(Function<Map<String, String>, Map<String, String>> change) throws IOException {
        Files.createDirectories(dir);
        return FileLocks.withLock(dir.resolve(LOCK), () -> {
            Map<String, String> writes = change.apply(read());
            for (Map.Entry<String, String> e : writes.entrySet()) {
                if (!KEY.matcher(e.getKey()).matches() || e.getKey().startsWith(".")) {
                    throw new IOException("'" + e.getKey() + "' is not a valid key");
                }
                AtomicFiles.write(dir.resolve(e.getKey()), e.getValue().endsWith("\n") ? e.getValue() : e.getValue() + "\n");
            }
            return writes;
        });
    }
}
