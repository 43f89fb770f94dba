package dev.ficus.gateway.auth;

/** Magento's answer on a token for one access rule; a self verdict carries the customer id. */
public record Verdict(Kind kind, String customerId) {
    public enum Kind {
        /** Magento would serve this caller (its check answered 2xx or 404). */
        ALLOWED,
        /** Magento would refuse this caller (401, 403 or another 4xx). */
        REFUSED,
        /** Magento did not say (timeout, 5xx): not cached, the read goes to Magento. */
        UNKNOWN
    }

    public static final Verdict REFUSED = new Verdict(Kind.REFUSED, null);
    public static final Verdict UNKNOWN = new Verdict(Kind.UNKNOWN, null);

    public static Verdict allowed(String customerId) {
        return new Verdict(Kind.ALLOWED, customerId);
    }

    public boolean allowed() {
        return kind == Kind.ALLOWED;
    }
}
