package dev.ficus.cli;

/** What the {@code ficus} command returns. Scripts may rely on these: they are part of the interface. */
public final class ExitCodes {
    /** Done, and every check passed. */
    public static final int OK = 0;
    /** The command ran and failed (a server did not start, a check failed, an upstream refused). */
    public static final int FAILED = 1;
    /** The command line was wrong: an unknown subcommand or option, a missing argument. */
    public static final int USAGE = 2;
    /** The configuration is invalid; every problem is printed with its key. */
    public static final int BAD_CONFIG = 3;

    private ExitCodes() {
    }
}
