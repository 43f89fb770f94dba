package dev.ficus.testing;

import dev.ficus.core.config.RedisEndpoint;

/**
 * One logical Redis database (SELECT index) given to one test class, emptied when handed out.
 *
 * @param endpoint the server
 * @param index    the database number to SELECT
 */
public record TestRedisDatabase(RedisEndpoint endpoint, int index) {

    /**
     * {@code redis://[:password@]host:port/index}, the form Vert.x's Redis client takes. It carries the password;
     * never log it.
     */
    public String uri() {
        return endpoint.uri() + "/" + index;
    }
}
