package dev.ficus.sync.preflight;

import java.util.Locale;

/** Which server Magento runs on: it decides the Debezium connector and the spelling of some settings and grants. */
public enum ServerFlavor {
    MYSQL, MARIADB;

    /** From {@code SELECT VERSION(), @@version_comment}: MariaDB says so in one of them, MySQL and Percona do not. */
    public static ServerFlavor detect(String version, String versionComment) {
        String both = (version + " " + versionComment).toLowerCase(Locale.ROOT);
        return both.contains("mariadb") ? MARIADB : MYSQL;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
