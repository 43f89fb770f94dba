package dev.ficus.gateway.route;

/** A route or path pattern that cannot be read; the message says which part and why. */
public final class RouteSyntaxException extends RuntimeException {
    public RouteSyntaxException(String message) {
        super(message);
    }
}
