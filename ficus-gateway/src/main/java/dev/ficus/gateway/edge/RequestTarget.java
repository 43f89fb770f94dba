package dev.ficus.gateway.edge;

/**
 * The request-target of a client's request (RFC 9112 §3.2), reduced to the only thing an upstream may get from the
 * client: a normalized path and a query. Where a request goes (scheme, host, port) comes from configuration alone;
 * this class never yields an authority.
 *
 * <ul>
 *   <li>origin-form ({@code /path?query}) is proxied;</li>
 *   <li>absolute-form ({@code http://host/path?query}) is proxied with its path; the authority is ignored, so a
 *       client cannot name the host the gateway connects to;</li>
 *   <li>{@code CONNECT} is never proxied: with an authority-form target ({@code host:port}) it gets 400, with any
 *       other 405, as NGINX 1.22 (Magento's recommended web server) answers them;</li>
 *   <li>asterisk-form ({@code OPTIONS *}) and anything else ({@code @host:port/path}, {@code host/path},
 *       {@code \\host}) gets 400, as NGINX answers a target it cannot parse.</li>
 * </ul>
 *
 * The path is normalized the way the web server in front of Magento normalizes it before it decides anything, so the
 * gateway's routing and the upstream see the same resource: dot segments (also percent-encoded ones) are removed,
 * runs of slashes are merged, characters a URI may not hold raw are percent-encoded. A path whose percent-encoding is
 * broken, that climbs above the root, or that holds a control character is refused with 400. The query is kept as
 * sent, except that characters a URI may not hold raw are percent-encoded (a lone {@code %} becomes {@code %25}:
 * PHP reads both the same way) and a control character is refused.
 */
public sealed interface RequestTarget {

    /** A target the gateway proxies: the path always starts with {@code /}; the query is null when there is none. */
    record Proxied(String path, String query) implements RequestTarget {
        /** Path and query as they go on an upstream's request line (after the upstream's own path prefix). */
        public String pathAndQuery() {
            return query == null ? path : path + "?" + query;
        }
    }

    /** A target the gateway answers itself, with this status; the message never repeats the client's bytes. */
    record Refused(int status, String message) implements RequestTarget {
    }

    Refused NOT_PARSEABLE = new Refused(400, "The request target cannot be parsed.");
    Refused CONNECT_NOT_ALLOWED = new Refused(405, "The CONNECT method is not allowed.");

    /**
     * @param method the request's method name as sent (upper case is not assumed)
     * @param raw    the request-target exactly as on the request line (Netty hands each byte over as one char)
     */
    static RequestTarget parse(String method, String raw) {
        return RequestTargetParser.parse(method, raw);
    }
}
