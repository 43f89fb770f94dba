package dev.ficus.bench.load;

/**
 * One request's outcome, as a load run sees it.
 *
 * @param intendedNanos when it was meant to leave ({@link System#nanoTime()} clock)
 * @param doneNanos     when its answer (or failure) was complete
 * @param status        HTTP status, 0 when no answer came (refused, reset, timed out)
 * @param backend       the {@code X-Ficus-Backend} header (who served it behind the gateway), or {@code null}
 * @param failure       why no answer came, or {@code null}
 */
public record Reply(long intendedNanos, long doneNanos, int status, String backend, String failure) {
    public static final String BACKEND_HEADER = "X-Ficus-Backend";

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public long latencyNanos() {
        return doneNanos - intendedNanos;
    }

    /** A short reason for the report: the status, or what went wrong. */
    public String describe() {
        return status == 0 ? String.valueOf(failure) : "HTTP " + status;
    }
}
