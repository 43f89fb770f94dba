package dev.ficus.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether a process provably belongs to a directory: its working directory lies inside it, or one of its
 * command-line arguments names a path inside it. The embedded servers qualify on both counts (MariaDB and PostgreSQL
 * change into their data directory, Redis is started in its own, and their arguments name their files), while a
 * recycled pid now used by something else, or another work directory's server, does not. Read from {@code /proc}:
 * a process of another user cannot be read and so never counts as belonging.
 */
public final class ProcessOwnership {
    private ProcessOwnership() {
    }

    public static boolean runsIn(ProcessHandle process, Path dir) {
        Set<String> roots = spellings(dir);
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            if (roots.stream().anyMatch(root -> inside(cwd.toString(), root))) {
                return true;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to read, or gone: the arguments may still tell
        }
        try {
            byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
            for (String argument : new String(cmdline, StandardCharsets.UTF_8).split("\0")) {
                if (roots.stream().anyMatch(root -> mentions(argument, root))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    /** The directory as given (absolute) and as resolved through symbolic links, as a server may have been told either. */
    private static Set<String> spellings(Path dir) {
        Set<String> roots = new LinkedHashSet<>();
        Path absolute = dir.toAbsolutePath().normalize();
        roots.add(absolute.toString());
        try {
            roots.add(absolute.toRealPath().toString());
        } catch (IOException e) {
            // a directory that no longer exists has only the spelling given
        }
        return roots;
    }

    private static boolean inside(String path, String root) {
        return path.equals(root) || path.startsWith(root.endsWith("/") ? root : root + "/");
    }

    /** An argument such as {@code --datadir=/w/mariadb/data} or {@code /w/redis/redis.conf}. */
    private static boolean mentions(String argument, String root) {
        int at = argument.indexOf(root);
        while (at >= 0) {
            boolean startsPath = at == 0 || argument.charAt(at - 1) == '=';
            int end = at + root.length();
            boolean endsPath = end == argument.length() || argument.charAt(end) == '/';
            if (startsPath && endsPath) {
                return true;
            }
            at = argument.indexOf(root, at + 1);
        }
        return false;
    }
}
