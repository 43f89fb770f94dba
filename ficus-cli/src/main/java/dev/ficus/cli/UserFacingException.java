package dev.ficus.cli;

/** A failure whose message is complete on its own (what went wrong and what to do): printed without a stack trace. */
public class UserFacingException extends RuntimeException {
    private final int exitCode;

    public UserFacingException(String message) {
        this(message, ExitCodes.FAILED);
    }

    public UserFacingException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
