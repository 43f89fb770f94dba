package dev.ficus.devstack.process;

import com.sun.security.auth.module.UnixSystem;

/** Facts about the operating-system user this JVM runs as. */
public final class CurrentUser {
    private CurrentUser() {
    }

    /** MariaDB refuses to run as root unless told {@code --user=root}; containers and CI often run as root. */
    public static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }
}
