package dev.ficus.devstack.mariadb;

import java.util.regex.Pattern;

/** Database names that are safe to splice into DDL, which cannot take a bind parameter. */
public final class MariaDbNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private MariaDbNames() {
    }

    /** Back-quotes a name of letters, digits and underscores; anything else is refused rather than escaped. */
    public static String quote(String name) {
        if (!SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain MariaDB name (letters, digits, _; at most 64): " + name);
        }
        return "`" + name + "`";
    }
}
