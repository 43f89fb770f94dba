package dev.ficus.gateway.edge;

/**
 * Why {@link RequestFraming} refused a request: the status and the fixed answer the client gets, and what the log line
 * says was wrong (never the client's bytes themselves).
 */
public final class RejectedRequest extends RuntimeException {
    private final int status;
    private final String answer;

    RejectedRequest(int status, String answer, String what) {
        super(what, null, false, false);
        this.status = status;
        this.answer = answer;
    }

    public int status() {
        return status;
    }

    public String answer() {
        return answer;
    }
}
