package dev.ficus.gateway.auth;

/**
 * Whether a routed read may go to a service (Magento would serve this caller), with what the gateway learned about
 * the caller; or why it goes to Magento ({@code no_token}, {@code token_refused}, {@code token_unverified}, …).
 */
public record Access(boolean allowed, String reason, String tokenHash, String customerId) {
    public static Access magento(String reason) {
        return new Access(false, reason, null, null);
    }

    public static Access allowed(String tokenHash, String customerId) {
        return new Access(true, null, tokenHash, customerId);
    }
}
