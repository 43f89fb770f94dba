package dev.ficus.gateway.flag;

import java.util.function.Function;

/**
 * Who is asking, as far as rollouts care. The sticky key prefers the most stable identity: the customer id (resolved
 * from a customer token by Magento), else the token (hashed), else a session cookie, else the client address.
 */
public record Caller(String customerId, String tokenHash, String cookie, String ip, Function<String, String> header) {

    public String stickyKey() {
        if (customerId != null) {
            return "customer:" + customerId;
        }
        if (tokenHash != null) {
            return "token:" + tokenHash;
        }
        if (cookie != null && !cookie.isEmpty()) {
            return "cookie:" + cookie;
        }
        return "ip:" + ip;
    }

    public Caller withCustomerId(String id) {
        return new Caller(id, tokenHash, cookie, ip, header);
    }
}
