package dev.ficus.gateway.edge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The request-target of a client's request (RFC 9112 §3.2), reduced to the only thing an upstream may get from the
 * client: a normalized path and a query. Where a request goes (scheme, host, port) comes from configuration alone;
 * this class never yields an authority.
 *
 * <ul>
 *   <li>origin-form ({@code /path?query}) is proxied;</li>
 *   <li>absolute-form ({@code http://host/path?query}) is proxied with its path; the authority is ignored, so a
 *       client cannot name the host the gateway connects to;</li>
 *   <li>authority-form (only meaningful for {@code CONNECT}) gets 405, as NGINX answers CONNECT (since 1.21.1);</li>
 *   <li>asterisk-form ({@code OPTIONS *}) and anything else ({@code @host:port/path}, {@code host/path},
 *       {@code \\host}) gets 400, as NGINX, Magento's recommended web server, answers a target it cannot parse.</li>
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
        if ("CONNECT".equalsIgnoreCase(method)) {
            return CONNECT_NOT_ALLOWED;
        }
        if (raw == null || raw.isEmpty()) {
            return NOT_PARSEABLE;
        }
        String pathAndQuery;
        if (raw.charAt(0) == '/') {
            pathAndQuery = raw;
        } else {
            pathAndQuery = absoluteFormPath(raw);
            if (pathAndQuery == null) {
                return NOT_PARSEABLE;
            }
        }
        int q = pathAndQuery.indexOf('?');
        String rawPath = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String rawQuery = q < 0 ? null : pathAndQuery.substring(q + 1);
        String path = normalizePath(rawPath);
        if (path == null) {
            return NOT_PARSEABLE;
        }
        String query = null;
        if (rawQuery != null) {
            query = encodeQuery(rawQuery);
            if (query == null) {
                return NOT_PARSEABLE;
            }
        }
        return new Proxied(path, query);
    }

    /** The path and query of {@code http://authority/path?query} (the authority dropped), or null when not that. */
    private static String absoluteFormPath(String raw) {
        int colon = raw.indexOf("://");
        if (colon <= 0) {
            return null;
        }
        String scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int start = colon + 3;
        int end = start;
        while (end < raw.length() && raw.charAt(end) != '/' && raw.charAt(end) != '?') {
            end++;
        }
        if (end == start) {
            return null;
        }
        if (end == raw.length()) {
            return "/";
        }
        return raw.charAt(end) == '?' ? "/" + raw.substring(end) : raw.substring(end);
    }

    /**
     * RFC 3986 §5.2.4 on segments, with percent-encoded dots counted as dots and empty segments (runs of slashes)
     * dropped; null for a broken escape, a control character or a climb above the root.
     */
    private static String normalizePath(String raw) {
        Deque<String> out = new ArrayDeque<>();
        int i = 1;
        boolean trailingSlash = false;
        while (i <= raw.length()) {
            int next = raw.indexOf('/', i);
            if (next < 0) {
                next = raw.length();
            }
            String segment = encodeSegment(raw, i, next);
            if (segment == null) {
                return null;
            }
            boolean last = next == raw.length();
            if (segment.isEmpty()) {
                trailingSlash = last && !out.isEmpty();
            } else if (isDot(segment)) {
                trailingSlash = true;
            } else if (isDotDot(segment)) {
                if (out.isEmpty()) {
                    return null;
                }
                out.removeLast();
                trailingSlash = true;
            } else {
                out.addLast(segment);
                trailingSlash = false;
            }
            i = next + 1;
        }
        if (out.isEmpty()) {
            return "/";
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (String s : out) {
            b.append('/').append(s);
        }
        if (trailingSlash) {
            b.append('/');
        }
        return b.toString();
    }

    private static boolean isDot(String s) {
        return s.equals(".") || s.equalsIgnoreCase("%2e");
    }

    private static boolean isDotDot(String s) {
        return s.length() >= 2 && s.length() <= 6
                && s.replace("%2e", ".").replace("%2E", ".").equals("..");
    }

    /** One path segment with raw characters a URI may not hold percent-encoded; null when it cannot be a segment. */
    private static String encodeSegment(String raw, int from, int to) {
        StringBuilder b = null;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
                    return null;
                }
                if (b != null) {
                    b.append(raw, i, i + 3);
                }
                i += 2;
                continue;
            }
            if (c == '#' || c > 0xFF || c < 0x20 || c == 0x7F) {
                return null;
            }
            if (pathChar(c)) {
                if (b != null) {
                    b.append(c);
                }
            } else {
                if (b == null) {
                    b = new StringBuilder(to - from + 8).append(raw, from, i);
                }
                escape(b, c);
            }
        }
        return b == null ? raw.substring(from, to) : b.toString();
    }

    private static String encodeQuery(String raw) {
        StringBuilder b = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0xFF || c < 0x20 || c == 0x7F || c == '#') {
                return null;
            }
            boolean keep = c == '%' ? i + 2 < raw.length() && hex(raw.charAt(i + 1)) && hex(raw.charAt(i + 2))
                    : queryChar(c);
            if (keep) {
                if (b != null) {
                    b.append(c);
                }
            } else {
                if (b == null) {
                    b = new StringBuilder(raw.length() + 8).append(raw, 0, i);
                }
                escape(b, c);
            }
        }
        return b == null ? raw : b.toString();
    }

    private static void escape(StringBuilder b, char c) {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 3986 pchar without {@code %}: unreserved, sub-delims, ':' and '@'. */
    private static boolean pathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    /**
     * A query character kept as sent: pchar, '/', '?', and the brackets of Magento's searchCriteria, which every
     * client sends raw ({@code searchCriteria[pageSize]=5}) and PHP reads either way.
     */
    private static boolean queryChar(char c) {
        return pathChar(c) || c == '/' || c == '?' || c == '[' || c == ']';
    }
}
