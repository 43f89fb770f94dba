package dev.ficus.devstack;

/** The dev stack could not start: a server failed, an external one is unreachable, or the work dir is in use. */
public class DevStackException extends RuntimeException {
    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
