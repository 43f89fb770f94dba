package dev.ficus.devstack;

/** A server process this stack started and must stop. */
public interface EmbeddedServer {

    /** A human name for log lines, such as "MariaDB 11.4.5". */
    String name();

    /** The server's main process (for PostgreSQL the postmaster, which pg_ctl detaches from this JVM). */
    ProcessHandle process();

    /** Shuts the server down cleanly and returns once its process and children are gone. */
    void stop();
}
