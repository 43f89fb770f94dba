package dev.ficus.bench.load;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a load run reads: a server, the paths it is asked for, and the headers every request carries (the admin
 * token Magento wants for the reads).
 *
 * @param name    how the report names it ({@code catalog service}, {@code gateway}, {@code nginx})
 * @param host    host name or address
 * @param port    TCP port
 * @param paths   request paths with their query, e.g. {@code /rest/V1/products/24-MB01}
 * @param headers sent with every request
 */
public record HttpTarget(String name, String host, int port, List<String> paths, Map<String, String> headers) {
    public HttpTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + ": port must be 1..65535, was " + port);
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException(name + ": a load run needs at least one path");
        }
        paths = List.copyOf(paths);
        headers = Map.copyOf(headers);
    }

    /** The same paths and headers on another server (the baseline, a proxy in front). */
    public HttpTarget at(String otherName, String otherHost, int otherPort) {
        return new HttpTarget(otherName, otherHost, otherPort, paths, headers);
    }
}
