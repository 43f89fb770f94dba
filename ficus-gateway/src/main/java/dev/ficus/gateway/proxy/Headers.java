package dev.ficus.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header handling at the hop: hop-by-hop headers (RFC 9110 §7.6.1, plus those named in {@code Connection}) stay on
 * their own connection; {@code X-Forwarded-For/-Proto/-Host} tell the upstream about the client; headers that only
 * the gateway may set are removed from what the client sent.
 */
public final class Headers {
    public static final String BACKEND = "X-Ficus-Backend";
    public static final String FALLBACK = "X-Ficus-Fallback";
    public static final String CUSTOMER_ID = "X-Ficus-Customer-Id";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
    /** Not hop-by-hop, but not to be copied: the client sets its own Host, Expect is answered here. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "expect", "x-ficus-customer-id", "x-ficus-shadow");

    private Headers() {
    }

    /** The request headers an upstream gets. */
    public static MultiMap forUpstream(HttpServerRequest req, boolean trustForwarded) {
        MultiMap in = req.headers();
        Set<String> drop = connectionListed(in);
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> e : in) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || NOT_FORWARDED.contains(name) || drop.contains(name)
                    || name.startsWith("x-forwarded-")) {
                continue;
            }
            out.add(e.getKey(), e.getValue());
        }
        String remote = remoteIp(req);
        String priorFor = in.get("X-Forwarded-For");
        out.set("X-Forwarded-For", trustForwarded && priorFor != null ? priorFor + ", " + remote : remote);
        String proto = in.get("X-Forwarded-Proto");
        out.set("X-Forwarded-Proto", trustForwarded && proto != null ? proto : req.isSSL() ? "https" : "http");
        String host = in.get("X-Forwarded-Host");
        String authority = req.authority() == null ? in.get("Host") : req.authority().toString();
        if (trustForwarded && host != null) {
            out.set("X-Forwarded-Host", host);
        } else if (authority != null) {
            out.set("X-Forwarded-Host", authority);
        }
        if (trustForwarded) {
            copyIfPresent(in, out, "X-Forwarded-Port");
            copyIfPresent(in, out, "X-Forwarded-Prefix");
        }
        return out;
    }

    /** Copies an upstream's response headers to the client's response, without hop-by-hop ones. */
    public static void copyResponse(MultiMap from, MultiMap to, boolean keepContentLength) {
        Set<String> drop = connectionListed(from);
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || drop.contains(name)
                    || (!keepContentLength && name.equals("content-length"))) {
                continue;
            }
            to.add(e.getKey(), e.getValue());
        }
    }

    /** The client's address: the first X-Forwarded-For entry when forwarded headers are trusted. */
    public static String clientIp(HttpServerRequest req, boolean trustForwarded) {
        if (trustForwarded) {
            String xff = req.getHeader("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                return xff.split(",", 2)[0].strip();
            }
        }
        return remoteIp(req);
    }

    /** A request has a body when it says so (a length above zero, or a transfer coding). */
    public static boolean hasBody(HttpServerRequest req) {
        String te = req.getHeader("Transfer-Encoding");
        if (te != null) {
            return true;
        }
        String cl = req.getHeader("Content-Length");
        return cl != null && !cl.strip().equals("0");
    }

    /** The value of one cookie, or null. */
    public static String cookie(HttpServerRequest req, String name) {
        for (String header : req.headers().getAll("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    private static String remoteIp(HttpServerRequest req) {
        return req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
    }

    private static void copyIfPresent(MultiMap in, MultiMap out, String name) {
        String v = in.get(name);
        if (v != null) {
            out.set(name, v);
        }
    }

    /**
     * The header names listed in {@code Connection}, which stay on their hop; never {@code Content-Length}, which
     * frames the body the gateway forwards (a client listing it would make the upstream request lose its body).
     */
    private static Set<String> connectionListed(MultiMap headers) {
        Set<String> names = new HashSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                String t = token.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.equals("content-length")) {
                    names.add(t);
                }
            }
        }
        return names;
    }
}
