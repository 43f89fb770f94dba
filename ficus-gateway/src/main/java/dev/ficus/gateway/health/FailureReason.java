package dev.ficus.gateway.health;

import dev.ficus.core.failure.Failures;

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
     * Not a failed read: the service said it is well but behind (its readiness answered {@code catching_up}: the
     * initial snapshot or a backlog not yet applied), so the read went to Magento without trying it.
     */
    CATCHING_UP("catching-up"),
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

    /** The label of a failed exchange with a service, by how its connection broke ({@link Failures}). */
    public static FailureReason classify(Throwable t) {
        return Failures.connectionFailure(t).map(f -> switch (f) {
            case REFUSED -> REFUSED;
            case RESET -> RESET;
            case TIMEOUT -> TIMEOUT;
        }).orElse(ERROR);
    }
}
