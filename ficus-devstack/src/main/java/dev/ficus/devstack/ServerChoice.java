package dev.ficus.devstack;

import java.util.Objects;

/**
 * Where one server of the dev stack comes from: started here ({@link Embedded}) or already running elsewhere
 * ({@link External}, for example the machine's own MariaDB or a shared Redis).
 *
 * @param <E> the endpoint type of an external server: {@code DatabaseEndpoint} or {@code RedisEndpoint}
 */
public sealed interface ServerChoice<E> {

    /** Start the server here; port 0 means a free port picked at start. */
    record Embedded<E>(int port) implements ServerChoice<E> {
        public Embedded {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (pick a free one) or 1..65535, was " + port);
            }
        }
    }

    /** Use a server that is already running; the stack never starts, stops or wipes it. */
    record External<E>(E endpoint) implements ServerChoice<E> {
        public External {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    static <E> ServerChoice<E> embedded() {
        return new Embedded<>(0);
    }

    static <E> ServerChoice<E> embeddedOnPort(int port) {
        return new Embedded<>(port);
    }

    static <E> ServerChoice<E> external(E endpoint) {
        return new External<>(endpoint);
    }
}
