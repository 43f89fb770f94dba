package dev.ficus.gateway.health;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Why a read to a service failed: the value of {@code X-Ficus-Fallback} and of the fallback metric's label. */
public enum FailureReason {
    REFUSED("refused"),
    RESET("reset"),
    TIMEOUT("timeout"),
    SERVER_ERROR("5xx"),
    ERROR("error"),
    /** Not a failed read: the service was known to be down, so the read went to Magento without trying it. */
    UNHEALTHY("unhealthy"),
    /**
     * Not a failed read: the service said a single entity does not exist, which may only mean it has not caught up
     * with Magento yet, so Magento was asked the same read (gateway.fallback.confirm_not_found).
     */
    NOT_FOUND("not-found");

    private final String label;

    FailureReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * True when the failure says the service is not there (it gets no reads until a probe passes). A reset or a
     * timeout may be one bad read of a live service: those only count towards the auto-disable.
     */
    public boolean unreachable() {
        return this == REFUSED;
    }

    public static FailureReason classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")) {
                return TIMEOUT;
            }
            if (c instanceof ConnectException) {
                return REFUSED;
            }
            if (c instanceof HttpClosedException) {
                return RESET;
            }
            if (c instanceof IOException && c.getMessage() != null
                    && (c.getMessage().contains("reset") || c.getMessage().contains("closed")
                    || c.getMessage().contains("Broken pipe"))) {
                return RESET;
            }
        }
        return ERROR;
    }
}
