package dev.ficus.gateway.edge;

import static dev.ficus.gateway.edge.RequestTarget.CONNECT_NOT_ALLOWED;
import static dev.ficus.gateway.edge.RequestTarget.NOT_PARSEABLE;

import dev.ficus.gateway.edge.RequestTarget.Proxied;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/** The rules of {@link RequestTarget}: the forms, the normalization of the path, the encoding of the query. */
final class RequestTargetParser {
    private RequestTargetParser() {
    }

    static RequestTarget parse(String method, String raw) {
        if ("CONNECT".equalsIgnoreCase(method)) {
            // NGINX cannot parse an authority-form target at all (400) and refuses the method on any other (405)
            return raw != null && (raw.startsWith("/") || absoluteFormPath(raw) != null)
                    ? CONNECT_NOT_ALLOWED : NOT_PARSEABLE;
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
        if (alreadyNormal(pathAndQuery, q)) {
            // the common case, on every proxied request: nothing to rebuild
            return q < 0 ? new Proxied(pathAndQuery, null)
                    : new Proxied(pathAndQuery.substring(0, q), pathAndQuery.substring(q + 1));
        }
        return normalize(pathAndQuery, q);
    }

    /** The full normalization of an origin-form target whose query starts after {@code q} (-1: none). */
    static RequestTarget normalize(String pathAndQuery, int q) {
        String path = normalizePath(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (path == null) {
            return NOT_PARSEABLE;
        }
        String query = null;
        if (q >= 0) {
            query = encodeQuery(pathAndQuery.substring(q + 1));
            if (query == null) {
                return NOT_PARSEABLE;
            }
        }
        return new Proxied(path, query);
    }

    /**
     * Whether the target would come out of normalization unchanged: only characters kept as they are, every
     * {@code %} followed by two hex digits, no empty segment and no segment that starts with a dot or an escape of
     * one. A cheap single pass; anything it is unsure of takes the full normalization.
     */
    static boolean alreadyNormal(String target, int queryAt) {
        int pathEnd = queryAt < 0 ? target.length() : queryAt;
        char prev = 0;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean inPath = i < pathEnd;
            if (c == '%') {
                if (i + 2 >= target.length() || !hex(target.charAt(i + 1)) || !hex(target.charAt(i + 2))
                        || (inPath && prev == '/' && target.charAt(i + 1) == '2'
                        && (target.charAt(i + 2) == 'e' || target.charAt(i + 2) == 'E'))) {
                    return false;
                }
            } else if (inPath) {
                if (c == '/' ? prev == '/' : !pathChar(c) || (c == '.' && prev == '/')) {
                    return false;
                }
            } else if (!queryChar(c)) {
                return false;
            }
            prev = c;
        }
        return true;
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
