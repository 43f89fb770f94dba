package dev.ficus.gateway.config;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;

/**
 * A configured base URL (Magento's, a service's) taken apart once. Every request the gateway sends is built from these
 * parts plus a path and query: the scheme, host and port come from configuration only, so nothing a client sends can
 * name another host (a base URL joined with a client's target as one string could: {@code http://magento:8080} +
 * {@code @other:8006/…} is a request to {@code other}).
 *
 * @param pathPrefix the base URL's own path without a trailing slash ({@code ""} for none)
 */
public record Upstream(boolean ssl, String host, int port, String pathPrefix) {

    /** Takes a validated http(s) URL with a host apart; throws {@link IllegalArgumentException} for anything else. */
    public static Upstream of(String url) {
        URI u = URI.create(url);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            throw new IllegalArgumentException("a base URL needs a host and no user, query or fragment: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = u.getPort() != -1 ? u.getPort() : ssl ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = u.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Upstream(ssl, host, port, path);
    }

    /**
     * A request to this upstream for a path and query that start with {@code /} (a normalized client target, or a
     * configured path).
     */
    public RequestOptions request(HttpMethod method, String pathAndQuery) {
        if (pathAndQuery.isEmpty() || pathAndQuery.charAt(0) != '/') {
            throw new IllegalArgumentException("an upstream path must start with /");
        }
        return new RequestOptions().setMethod(method).setSsl(ssl).setHost(host).setPort(port)
                .setURI(pathPrefix + pathAndQuery);
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + pathPrefix;
    }
}
