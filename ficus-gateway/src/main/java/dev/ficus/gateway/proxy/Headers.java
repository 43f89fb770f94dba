package dev.ficus.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Header handling at the hop: hop-by-hop headers (RFC 9110 §7.6.1, plus those named in {@code Connection}) stay on
 * their own connection; {@code X-Forwarded-For/-Proto/-Host} tell the upstream about the client; headers that only
 * the gateway may set are removed from what the client sent.
 */
public final class Headers {
    public static final String BACKEND = "X-Ficus-Backend";
    public static final String FALLBACK = "X-Ficus-Fallback";
    public static final String CUSTOMER_ID = "X-Ficus-Customer-Id";

    /*
     * Header names are compared ignoring case, without lower-casing each name of each request and response: that
     * was a String per header, and with the set of Connection-listed names about 0.6 kB of garbage per proxied read
     * (ProxyAllocation). For the Latin-1 characters Netty decodes names into, ignoring case this way and comparing
     * lower-cased names agree.
     */
    private static final Set<String> HOP_BY_HOP = fixed("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
    /**
     * A request's headers that no upstream gets: the hop-by-hop ones, and those that are not hop-by-hop but not to be
     * copied (the client sets its own Host, Expect is answered here, the gateway's own). One set, one lookup a header.
     */
    private static final Set<String> NOT_FORWARDED = fixed("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "host", "expect", "x-ficus-customer-id", "x-ficus-shadow");
    private static final String FORWARDED_PREFIX = "x-forwarded-";

    private Headers() {
    }

    /** The request headers an upstream gets. */
    public static MultiMap forUpstream(HttpServerRequest req, boolean trustForwarded) {
        return forUpstream(req, trustForwarded, MultiMap.caseInsensitiveMultiMap());
    }

    /**
     * Adds the request headers an upstream gets to {@code out} (an upstream request's own headers: building a map
     * first and handing it over in the request's options copies every header once more) and returns it.
     */
    public static MultiMap forUpstream(HttpServerRequest req, boolean trustForwarded, MultiMap out) {
        MultiMap in = req.headers();
        Set<String> drop = connectionListed(in);
        for (Map.Entry<String, String> e : in) {
            String name = e.getKey();
            if (NOT_FORWARDED.contains(name) || drop.contains(name)
                    || name.regionMatches(true, 0, FORWARDED_PREFIX, 0, FORWARDED_PREFIX.length())) {
                continue;
            }
            out.add(name, e.getValue());
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
            String name = e.getKey();
            if (HOP_BY_HOP.contains(name) || drop.contains(name)
                    || (!keepContentLength && name.equalsIgnoreCase("content-length"))) {
                continue;
            }
            to.add(name, e.getValue());
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
        if (!headers.contains("Connection")) {
            // getAll would build an empty list
            return Set.of();
        }
        Set<String> names = Set.of();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                String t = token.strip();
                // a hop-by-hop name (keep-alive, on nearly every upstream answer) goes anyway: no set needed for it
                if (!t.isEmpty() && !t.equalsIgnoreCase("content-length") && !HOP_BY_HOP.contains(t)) {
                    if (names.isEmpty()) {
                        names = ignoringCase();
                    }
                    names.add(t);
                }
            }
        }
        return names;
    }

    private static Set<String> ignoringCase() {
        return new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static Set<String> fixed(String... names) {
        Set<String> set = ignoringCase();
        set.addAll(Arrays.asList(names));
        return Collections.unmodifiableSet(set);
    }
}
