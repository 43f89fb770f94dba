package dev.ficus.gateway.flag;

/** A flag value outside the grammar of docs/flags.md; the message says what was expected. */
public final class InvalidFlagValueException extends Exception {
    public InvalidFlagValueException(String message) {
        super(message);
    }
}
