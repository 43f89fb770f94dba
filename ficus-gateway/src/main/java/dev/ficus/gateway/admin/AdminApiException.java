package dev.ficus.gateway.admin;

/** The admin API refused a call or could not be reached; {@code status} is 0 when no HTTP answer came. */
public final class AdminApiException extends Exception {
    private final int status;

    public AdminApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public AdminApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
