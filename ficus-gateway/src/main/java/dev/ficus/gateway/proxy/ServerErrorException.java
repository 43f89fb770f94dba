package dev.ficus.gateway.proxy;

/** A service answered with a 5xx status: a failed read, as far as fallback is concerned. */
final class ServerErrorException extends RuntimeException {
    ServerErrorException(int status) {
        super("HTTP " + status, null, false, false);
    }
}
