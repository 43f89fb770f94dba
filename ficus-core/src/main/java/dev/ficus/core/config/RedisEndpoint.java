package dev.ficus.core.config;

import java.util.Objects;

/** Where Redis listens. The password (Redis AUTH), if any, stays a {@link Secret}. */
public record RedisEndpoint(String host, int port, Secret password) {

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        password = password == null ? Secret.empty() : password;
    }

    /** A connection string for clients; it carries the password, so never log it — log {@link #display()}. */
    public String uri() {
        return password.isEmpty()
                ? "redis://" + host + ":" + port
                : "redis://:" + password.reveal() + "@" + host + ":" + port;
    }

    public String display() {
        return "redis://" + host + ":" + port;
    }
}
