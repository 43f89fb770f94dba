package dev.ficus.gateway.attack;

import dev.ficus.events.Domain;
import dev.ficus.gateway.testing.ByteText;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.Shapes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators of requests, well-formed and hostile. Each starts from a well-formed request whose answer is known
 * exactly (a routed read by an allowed or a refused caller, an unrouted read, a write, an operations path), and a
 * hostile one changes one to three things about it. Option 0 of every choice is the plainest, so that a shrunk case
 * keeps only the changes that matter (see {@link Draw}).
 *
 * <p>The forbidden listener's address, and the services' and Magento's own, appear wherever a client could try to
 * name a host: userinfo ({@code @host:port}), absolute-form authorities, Host headers, network-path references
 * ({@code //host:port}, {@code \\host:port}) and their percent-encoded spellings.
 */
final class Attacks {
    /**
     * The answer to CONNECT with an authority-form target: 400, as NGINX 1.22 (Magento's web server) answers it; a
     * CONNECT with a path gets 405 there and here.
     */
    static final int CONNECT_STATUS = 400;
    /** The contract's answer to {@code OPTIONS *} and to any target that cannot be parsed (NGINX: 400 too). */
    static final int UNPARSEABLE_STATUS = 400;

    /** A string no upstream or gateway message has of itself: if a gateway-made error contains it, it echoes input. */
    static final String CANARY = "zqx";
    static final String REFUSED_TOKEN = "bogus-token-" + CANARY;
    /** A customer id that only a client's forged gateway header carries. */
    static final String SPOOFED_CUSTOMER = "6666";
    static final long CUSTOMER = 5;

    private final AttackRig.Ports ports;

    Attacks(AttackRig.Ports ports) {
        this.ports = ports;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // well-formed requests

    /** A routed read, the caller allowed (service answers) or refused (Magento answers 401). */
    RawRequest.Builder read(Draw d, String tag) {
        return read(d, tag, d.below(9), d.weighted(3, 1) == 0);
    }

    /**
     * @param kind    which of the nine routed reads (0 a product, 1 the product search, 2 and 3 their short forms, 4 a
     *                customer, 5 the caller's own customer record, 6 an order, 7 the order search, 8 a stock item)
     * @param allowed whether the caller is one Magento serves there
     */
    RawRequest.Builder read(Draw d, String tag, int kind, boolean allowed) {
        RawRequest.Builder b = base(d, tag);
        b.method = d.weighted(4, 1) == 0 ? "GET" : "HEAD";
        String store = d.pick("", "", "", "/default", "/all", "/de_de");
        String sku = "sku-" + d.below(1000);
        long id = 1 + d.below(999);
        Domain domain;
        String upstream;
        switch (kind) {
            case 0 -> {
                domain = Domain.CATALOG;
                b.target = "/rest" + store + "/V1/products/" + sku;
                upstream = b.target;
            }
            case 1 -> {
                domain = Domain.CATALOG;
                b.target = "/rest" + store + "/V1/products?searchCriteria[pageSize]=" + (1 + d.below(50));
                upstream = "/rest" + store + "/V1/products";
            }
            case 2 -> {
                domain = Domain.CATALOG;
                b.target = "/products/" + sku;
                upstream = "/rest/V1/products/" + sku;
            }
            case 3 -> {
                domain = Domain.CATALOG;
                b.target = "/products";
                upstream = "/rest/V1/products";
            }
            case 4 -> {
                domain = Domain.CUSTOMER;
                b.target = "/rest" + store + "/V1/customers/" + id;
                upstream = b.target;
            }
            case 5 -> {
                domain = Domain.CUSTOMER;
                b.target = "/rest" + store + "/V1/customers/me";
                upstream = "/rest" + store + "/V1/customers/" + CUSTOMER;
            }
            case 6 -> {
                domain = Domain.ORDER;
                b.target = "/rest" + store + "/V1/orders/" + id;
                upstream = b.target;
            }
            case 7 -> {
                domain = Domain.ORDER;
                b.target = "/rest" + store + "/V1/orders?searchCriteria[pageSize]=" + (1 + d.below(50));
                upstream = "/rest" + store + "/V1/orders";
            }
            default -> {
                domain = Domain.INVENTORY;
                b.target = "/rest" + store + "/V1/stockItems/" + sku;
                upstream = b.target;
            }
        }
        boolean me = b.target.endsWith("/customers/me");
        List<String> tokens = me ? List.of("customer-" + CUSTOMER)
                : domain == Domain.CATALOG ? List.of(FakeMagento.ADMIN, FakeMagento.CATALOG_INTEGRATION)
                : List.of(FakeMagento.ADMIN);
        if (allowed) {
            b.header("Authorization", "Bearer " + d.pick(tokens));
            String body = me ? Shapes.customer(CUSTOMER) : Shapes.read(upstream).body();
            b.expected = new RawRequest.Expected(200, domain.id(), b.method.equals("HEAD") ? "" : body, null);
        } else {
            String refused = d.pick(REFUSED_TOKEN, me ? FakeMagento.ADMIN : "customer-" + CUSTOMER,
                    domain == Domain.CATALOG ? "customer-" + CUSTOMER : FakeMagento.CATALOG_INTEGRATION, null);
            if (refused != null) {
                b.header("Authorization", "Bearer " + refused);
            }
            b.expected = new RawRequest.Expected(401, "magento", b.method.equals("HEAD") ? "" : null,
                    b.method.equals("HEAD") ? null : "isn't authorized");
        }
        b.notes.add(b.method + " " + domain.id() + " read" + (b.expected.status() == 200 ? "" : ", caller refused"));
        return b;
    }

    /** A read of a path no domain owns, an operations path (which on the shop's port is Magento's), or a write. */
    RawRequest.Builder magentoRequest(Draw d, String tag) {
        RawRequest.Builder b = base(d, tag);
        int kind = d.below(3);
        if (kind == 0) {
            b.target = d.pick("/rest/V1/carts/mine", "/rest/V1/cmsPage/1", "/rest/V1/products/types",
                    "/rest/V1/stockItems/lowStock", "/rest/V1/directory/countries", "/",
                    "/rest/default/V1/products/attributes", "/graphql?query=%7Bproducts%7Btotal_count%7D%7D");
            b.header("Authorization", "Bearer " + FakeMagento.ADMIN);
            b.expected = new RawRequest.Expected(200, "magento", null, null);
            b.notes.add("unrouted read");
        } else if (kind == 1) {
            // the shop's port serves Magento's paths only: these are Magento's too, whatever the gateway serves elsewhere
            b.target = d.pick("/metrics", "/health/ready", "/health/live", "/_ficus/api/flags", "/admin",
                    "/_ficus/admin", "/_ficus/api/services");
            if (d.chance(50)) {
                b.header("Authorization", "Bearer " + AttackRig.ADMIN_API_TOKEN);
            }
            b.expected = new RawRequest.Expected(200, "magento", null, "\"source\":\"magento\"");
            b.notes.add("operations path on the shop's port");
        } else {
            b.method = d.pick("POST", "PUT", "PATCH", "DELETE");
            b.target = d.pick("/rest/V1/products", "/rest/V1/products/sku-" + d.below(100), "/rest/V1/customers/5",
                    "/rest/V1/orders/7", "/rest/V1/carts/mine/items", "/rest/V1/stockItems/sku-1");
            b.header("Authorization", "Bearer " + FakeMagento.ADMIN);
            String json = "{\"write\":" + d.below(100000) + "}";
            b.header("Content-Type", "application/json");
            if (d.chance(30)) {
                b.header("Transfer-Encoding", "chunked");
                b.body = chunked(d, json);
            } else {
                b.header("Content-Length", Integer.toString(json.length()));
                b.body = json;
            }
            b.expected = new RawRequest.Expected(200, "magento", null,
                    "\"body_length\":" + json.length());
            b.notes.add(b.method + " write");
        }
        return b;
    }

    RawRequest.Builder wellFormed(Draw d, String tag) {
        return d.weighted(3, 2) == 0 ? read(d, tag) : magentoRequest(d, tag);
    }

    private RawRequest.Builder base(Draw d, String tag) {
        RawRequest.Builder b = new RawRequest.Builder(tag);
        b.header("Host", "127.0.0.1:" + ports.gateway());
        return b;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // hostile requests

    /**
     * Reads of one entity kind by a caller Magento serves, each ending in input a service may fail on (a NUL byte,
     * broken UTF-8, an over-long key) or not: the failures such input causes are the client's, and must never add up
     * to turning the domain's flag off.
     */
    List<RawRequest> sameKindReads(Draw d, java.util.function.Supplier<String> tags) {
        int kind = new int[] {0, 2, 8, 1, 7}[d.weighted(4, 2, 2, 1, 1)];
        int n = 3 + d.below(4);
        List<RawRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawRequest.Builder b = read(d, tags.get(), kind, true);
            int q = b.target.indexOf('?');
            String path = q < 0 ? b.target : b.target.substring(0, q);
            String query = q < 0 ? "" : b.target.substring(q);
            String[] inputs = {"%00", "%2500", "%C0%AF", "%FF", "%ED%A0%80", "x".repeat(2000), "%00%00"};
            String input = inputs[d.weighted(8, 1, 1, 1, 1, 1, 1)];
            if (query.isEmpty()) {
                b.target = path + input;
            } else {
                b.target = path + query + "&searchCriteria[filter_groups][0][filters][0][value]=" + input;
            }
            b.hostile("input a service may fail on: " + (input.length() > 20 ? "a long key" : input));
            out.add(b.build());
        }
        return out;
    }

    /** Request-target forms and path tricks on an otherwise well-formed request. */
    RawRequest targets(Draw d, String tag) {
        RawRequest.Builder b = wellFormed(d, tag);
        String auth = authority(d);
        String path = b.target;
        switch (d.weighted(4, 3, 2, 2, 1, 5, 3, 2, 1)) {
            case 0 -> mutatePath(d, b);
            case 1 -> {
                // absolute-form: the path is used, the authority ignored, so the answer is the origin-form one
                b.target = "http://" + auth + path;
                if (plain(auth)) {
                    b.notes.add("absolute-form naming " + auth);
                } else {
                    b.hostile("absolute-form with an odd authority " + auth);
                }
            }
            case 2 -> {
                String withPath = path.startsWith("/") ? path : "/" + path;
                b.target = d.pick("https://" + auth + withPath, "HTTP://" + auth + withPath, "http://" + auth,
                        "http://" + auth + "?x=1", "http://user@" + auth + withPath,
                        "http://127.0.0.1:" + ports.magento() + "@" + auth + withPath, "http:///" + withPath,
                        "http:" + withPath, "ftp://" + auth + withPath, "http://" + auth + ":99999" + withPath,
                        "http://" + auth + "#" + withPath, "http://" + auth + "%2F@x" + withPath,
                        "http://" + auth + "\\" + withPath, "//" + auth + "@x" + withPath);
                b.hostile("odd absolute-form naming " + auth);
            }
            case 3 -> {
                b.method = d.weighted(3, 1) == 0 ? "CONNECT" : "GET";
                b.target = auth;
                b.body = "";
                b.remove("Content-Length").remove("Transfer-Encoding");
                b.hostile("authority-form");
                if (!b.method.equals("CONNECT")) {
                    b.contractStatus = UNPARSEABLE_STATUS;
                } else if (plain(auth)) {
                    b.contractStatus = CONNECT_STATUS;
                }
            }
            case 4 -> {
                b.method = d.pick("OPTIONS", "GET", "HEAD");
                b.target = "*";
                b.body = "";
                b.remove("Content-Length").remove("Transfer-Encoding");
                b.hostile("asterisk-form");
                b.contractStatus = UNPARSEABLE_STATUS;
            }
            case 5 -> {
                String[] forms = {"@" + auth + path, auth + path, "\\\\" + auth + path, "@" + auth, "x",
                        path.substring(1), "?q=1", "#x", "%2F" + path, "\\" + path, ":" + ports.forbidden() + path,
                        "%40" + auth + path};
                // the userinfo trick first: it is what turned the gateway into an open proxy
                b.target = forms[d.weighted(6, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1)];
                b.hostile("a target that is no request-target form");
                b.contractStatus = UNPARSEABLE_STATUS;
            }
            case 6 -> {
                b.target = d.pick("//" + auth + path, "/\\" + auth + path, "/%2F%2F" + auth + path,
                        "/%5C%5C" + auth + path, "///" + auth + path, "/.//" + auth + path,
                        "/%2e%2e//" + auth + path, "//" + auth, "/%2F" + auth + path, "//" + encode(auth) + path,
                        "/%40" + auth + path, "/..%2F..%2F" + auth + path);
                b.hostile("origin-form that looks like a network path to " + auth);
            }
            case 7 -> {
                mutatePath(d, b);
                mutatePath(d, b);
            }
            default -> {
                // strictly inside the target: next to the separating space, a whitespace byte is only more separator
                // to a lenient parser (RFC 9112 section 3), and the request line is a valid one
                if (b.target.length() < 2) {
                    b.target = b.target + "x";
                }
                int at = 1 + d.below(b.target.length() - 1);
                char c = d.pick('\u0000', '\u0001', '\t', '\u000b', '\u000c', '\u007f', '\u001b', '\r');
                b.target = b.target.substring(0, at) + c + b.target.substring(at);
                b.hostile("a raw control byte in the target");
                b.contractStatus = UNPARSEABLE_STATUS;
            }
        }
        return b.build();
    }

    /** Host, Authorization, Content-Length and Transfer-Encoding: missing, repeated, conflicting, folded, injected. */
    RawRequest headers(Draw d, String tag) {
        RawRequest.Builder b = wellFormed(d, tag);
        int n = 1 + d.weighted(6, 3, 1);
        for (int i = 0; i < n; i++) {
            switch (d.weighted(3, 3, 3, 3, 2, 2, 3, 1)) {
                case 0 -> host(d, b);
                case 1 -> authorization(d, b);
                case 2 -> contentLength(d, b);
                case 3 -> transferEncoding(d, b);
                case 4 -> connection(d, b);
                case 5 -> spoof(d, b);
                case 6 -> injection(d, b);
                default -> lineEnds(d, b);
            }
        }
        return b.build();
    }

    /** Methods, versions, and bodies: chunked ones well and badly formed, bodies on reads. */
    RawRequest methodsVersionsBodies(Draw d, String tag) {
        RawRequest.Builder b = wellFormed(d, tag);
        int n = 1 + d.weighted(6, 2);
        for (int i = 0; i < n; i++) {
            switch (d.below(4)) {
                case 0 -> {
                    b.method = d.pick("OPTIONS", "TRACE", "PURGE", "PROPFIND", "MKCOL", "LOCK", "BREW", "get", "Get",
                            "G\u0000ET", "GET\u000b", "A".repeat(200), "GET /", "M-SEARCH", "PRI", "CONNECT", "HEAD");
                    b.hostile("method " + ByteText.escape(b.method.getBytes(StandardCharsets.ISO_8859_1)));
                }
                case 1 -> {
                    b.version = d.pick("HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTP/3.0", "http/1.1", "HTTP/1.1 ",
                            "HTTP/01.1", "HTTP/1.10", "HTTP/1", "HTTP/1.1\u0000", "ICE/1.0", "HTTP/9.9", "HTTPS/1.1",
                            null, "HTTP/1.1 HTTP/1.1");
                    b.hostile("version " + (b.version == null ? "none"
                            : ByteText.escape(b.version.getBytes(StandardCharsets.ISO_8859_1))));
                }
                case 2 -> chunkedBody(d, b);
                default -> bodyOnRead(d, b);
            }
        }
        return b.build();
    }

    /** Any request: well-formed ones and every kind of hostile one, for mixing on one connection. */
    RawRequest any(Draw d, String tag) {
        return switch (d.weighted(4, 2, 2, 2)) {
            case 0 -> wellFormed(d, tag).build();
            case 1 -> targets(d, tag);
            case 2 -> headers(d, tag);
            default -> methodsVersionsBodies(d, tag);
        };
    }

    /**
     * A request that smuggles a second one past a parser that frames it differently (CL.TE, TE.CL, TE.TE): a gateway
     * that reads the hidden request as one of its own sends an upstream a request the client never sent as one.
     */
    RawRequest smuggler(Draw d, String tag) {
        RawRequest.Builder b = base(d, tag);
        b.method = "POST";
        b.target = "/rest/V1/carts/mine/items";
        b.header("Authorization", "Bearer " + FakeMagento.ADMIN);
        String hidden = d.pick("GET /rest/V1/customers/" + CUSTOMER + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + ports.gateway() + "\r\nX-" + CANARY + ": smuggled\r\n\r\n",
                "GET @127.0.0.1:" + ports.forbidden() + "/x HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET http://127.0.0.1:" + ports.forbidden() + "/x HTTP/1.1\r\nHost: 127.0.0.1:" + ports.forbidden()
                        + "\r\n\r\n");
        switch (d.below(4)) {
            case 0 -> {
                String body = "0\r\n\r\n" + hidden;
                b.header("Content-Length", Integer.toString(body.length()));
                b.header("Transfer-Encoding", "chunked");
                b.body = body;
                b.hostile("CL.TE smuggling");
            }
            case 1 -> {
                String chunk = Integer.toHexString(hidden.length()) + "\r\n" + hidden + "\r\n0\r\n\r\n";
                b.header("Transfer-Encoding", "chunked");
                b.header("Content-Length", "4");
                b.body = chunk;
                b.hostile("TE.CL smuggling");
            }
            case 2 -> {
                b.header("Transfer-Encoding", "chunked");
                b.header("Transfer-Encoding", d.pick("x", "identity", " chunked", "chunked\u000b", "cow"));
                b.header("Content-Length", "5");
                b.body = "0\r\n\r\n" + hidden;
                b.hostile("TE.TE smuggling");
            }
            default -> {
                b.header("Content-Length", "0");
                b.header("Content-Length", Integer.toString(hidden.length()));
                b.body = hidden;
                b.hostile("CL.CL smuggling");
            }
        }
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the changes

    private String authority(Draw d) {
        String f = Integer.toString(ports.forbidden());
        return switch (d.weighted(8, 3, 1, 1)) {
            case 0 -> d.pick("127.0.0.1:" + f, "localhost:" + f, "127.1:" + f, "2130706433:" + f,
                    "0x7f.0.0.1:" + f, "[::ffff:127.0.0.1]:" + f, "127.0.0.1:" + f + "@127.0.0.1:" + ports.magento(),
                    "127.0.0.1%3A" + f, "%31%32%37.0.0.1:" + f, "127.0.0.1:0" + f);
            case 1 -> "127.0.0.1:" + d.pick(ports.services());
            case 2 -> "127.0.0.1:" + ports.magento();
            default -> "127.0.0.1:" + ports.gateway();
        };
    }

    /** An authority any parser reads the same way: a name or IPv4 address and a port, nothing else. */
    private static boolean plain(String authority) {
        return authority.matches("(127\\.0\\.0\\.1|localhost):[1-9][0-9]*");
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        return out.toString();
    }

    private void mutatePath(Draw d, RawRequest.Builder b) {
        int q = b.target.indexOf('?');
        String path = q < 0 ? b.target : b.target.substring(0, q);
        String query = q < 0 ? "" : b.target.substring(q);
        String f = Integer.toString(ports.forbidden());
        switch (d.below(7)) {
            case 0 -> {
                String dots = d.pick("..", ".", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "%252e%252e", "%c0%ae%c0%ae", "..;",
                        "..%2f", "..%5c", "%2e%2e%2f", "...");
                int times = 1 + d.below(3);
                String tail = d.pick("customers/" + CUSTOMER, "orders/7", "stockItems/sku-1", "products/sku-1",
                        "V1/customers/" + CUSTOMER, "metrics", "_ficus/api/flags", "127.0.0.1:" + f + "/x",
                        "customers/me");
                path = path + ("/" + dots).repeat(times) + "/" + tail;
                b.hostile("dot segments '" + dots + "' x" + times + " then " + tail);
            }
            case 1 -> {
                int slash = path.indexOf('/', 1 + d.below(Math.max(1, path.length() - 1)));
                String sep = d.pick("%2F", "%2f", "%252F", "\\", "%5C", "//", "/./", "/%2e/", "%2F%2F");
                if (slash > 0) {
                    path = path.substring(0, slash) + sep + path.substring(slash + 1);
                } else {
                    path = path + sep + "x";
                }
                b.hostile("separator '" + sep + "'");
            }
            case 2 -> {
                String end = d.pick("%00", "%00.json", "%C0%AF", "%FF", "%", "%zz", "%2", ";jsessionid=" + CANARY, ";",
                        "/", "%23" + CANARY, "%3F", ".json", "%20", "+", "\u00e9", "\u00c3\u00a9", "%C3%A9",
                        "%0d%0aX-" + CANARY + ":%201", "%u002e", "%25", "%2500", "%ED%A0%80", "%F4%90%80%80");
                path = path + end;
                b.hostile("path ending '" + ByteText.escape(end.getBytes(StandardCharsets.ISO_8859_1)) + "'");
            }
            case 3 -> {
                path = d.pick(path.replace("/rest/", "/REST/"), path.replace("/V1/", "/v1/"),
                        path.replace("/rest/", "/rest/%2e%2e/"), path.replace("/rest/", "/rest/" + CANARY + "-!/"),
                        path.replace("/rest/", "/rest/default/default/"), path.replace("/rest/", "/rest/V1/"),
                        path.replace("/rest/", "/rest/%64efault/"));
                b.hostile("store code or case changed");
            }
            case 4 -> {
                path = path + d.pick("a".repeat(300), "a".repeat(5000), "a".repeat(9000));
                b.hostile("long path");
            }
            case 5 -> {
                String more = d.pick("searchCriteria[filter_groups][0][filters][0][value]=%00",
                        "x=@127.0.0.1:" + f, "url=http://127.0.0.1:" + f + "/", "%0d%0aX-" + CANARY + ":%201", "a=%ZZ",
                        "&&", "?", "a=b#c", "searchCriteria[pageSize]=-1", "searchCriteria[pageSize]=99999999999999",
                        "fields=items[sku,%00]");
                query = (query.isEmpty() ? "?" : query + "&") + more;
                b.hostile("query '" + more + "'");
            }
            default -> {
                path = path + "/" + d.pick("@127.0.0.1:" + f, "%40127.0.0.1:" + f, "http://127.0.0.1:" + f,
                        "http:%2F%2F127.0.0.1:" + f);
                b.hostile("an address in a path segment");
            }
        }
        b.target = path + query;
    }

    private void host(Draw d, RawRequest.Builder b) {
        String f = "127.0.0.1:" + ports.forbidden();
        String own = b.value("Host");
        switch (d.below(9)) {
            case 0 -> b.remove("Host");
            case 1 -> b.header("Host", own == null ? f : own);
            case 2 -> b.header("Host", f);
            case 3 -> {
                b.remove("Host");
                b.header("Host", d.pick(f, "a@" + f, f + "/x", "", " " + f + " ", own + ", " + f, "localhost",
                        "[::1]:" + ports.forbidden(), f + "\u0000", CANARY + "\u00ff"));
            }
            case 4 -> b.lines.add("Host:\r\n " + f);
            case 5 -> b.lines.add(d.pick("host", "HOST", "Host ", " Host", "Host\t") + ": " + f);
            case 6 -> b.lines.add(0, "Host: " + f);
            case 7 -> b.header("X-Forwarded-Host", f);
            default -> b.header("Forwarded", "host=" + f + ";proto=http;for=127.0.0.1");
        }
        b.hostile("Host changed");
    }

    private void authorization(Draw d, RawRequest.Builder b) {
        String own = b.value("Authorization");
        String admin = "Bearer " + FakeMagento.ADMIN;
        String refused = "Bearer " + REFUSED_TOKEN;
        switch (d.below(10)) {
            case 0 -> b.header("Authorization", own == null ? admin : own);
            case 1 -> b.header("Authorization", refused);
            case 2 -> {
                b.remove("Authorization");
                b.header("Authorization", refused);
                b.header("Authorization", admin);
            }
            case 3 -> {
                b.remove("Authorization");
                b.lines.add("Authorization: Bearer\r\n " + FakeMagento.ADMIN);
            }
            case 4 -> {
                b.remove("Authorization");
                b.header("Authorization", d.pick("bearer " + FakeMagento.ADMIN, "Bearer  " + FakeMagento.ADMIN,
                        "Bearer " + FakeMagento.ADMIN + " ", "Basic YWRtaW46YWRtaW4xMjM=", "Bearer", "Bearer ",
                        admin + ", " + refused, refused + ", " + admin, "Bearer " + FakeMagento.ADMIN + "\u0000",
                        "Bearer " + "t".repeat(5000), "Bearer " + FakeMagento.ADMIN + "\u00ff"));
            }
            case 5 -> {
                b.remove("Authorization");
                b.lines.add(d.pick("Authorization ", "authorization", "AUTHORIZATION", "Authorization\t")
                        + ": " + admin);
            }
            case 6 -> b.header("Proxy-Authorization", admin);
            case 7 -> b.header("X-" + CANARY, "a\rAuthorization: " + refused);
            case 8 -> b.header("X-" + CANARY, "a\nAuthorization: " + refused);
            default -> b.remove("Authorization");
        }
        b.hostile("Authorization changed");
    }

    private void contentLength(Draw d, RawRequest.Builder b) {
        String body = b.body.isEmpty() ? "{\"" + CANARY + "\":1}" : b.body;
        int n = body.length();
        boolean chunked = b.value("Transfer-Encoding") != null;
        b.remove("Content-Length");
        switch (d.below(6)) {
            case 0 -> {
                if (!chunked) {
                    b.body = body;
                }
                b.header("Content-Length", Integer.toString(n));
            }
            case 1 -> {
                b.body = body;
                b.header("Content-Length", Integer.toString(n));
                b.header("Content-Length", Integer.toString(n));
            }
            case 2 -> {
                b.body = body;
                b.header("Content-Length", Integer.toString(n));
                b.header("Content-Length", Integer.toString(n + 3));
            }
            case 3 -> {
                b.body = body;
                b.header("Content-Length", d.pick(n + ", " + n, "+" + n, "-1", "0x" + Integer.toHexString(n),
                        n + ".0", "99999999999999999999", " " + n + " ", "0" + n, n + "\u0000", n + " " + n,
                        "1e3"));
            }
            case 4 -> {
                String name = d.pick("Content-Length : ", "content-length:", "Content-Length:\r\n ",
                        "Content_Length: ");
                // Content_Length is just another field: with it the request has no body, and bytes after the head
                // would be a second request
                if (!name.startsWith("Content_")) {
                    b.body = body;
                }
                b.lines.add(name + n);
            }
            default -> {
                if (!chunked) {
                    b.body = "";
                }
                b.header("Content-Length", "0");
            }
        }
        b.hostile("Content-Length changed");
    }

    private void transferEncoding(Draw d, RawRequest.Builder b) {
        String json = "{\"" + CANARY + "\":2}";
        b.remove("Transfer-Encoding");
        boolean keepLength = d.chance(25);
        if (!keepLength) {
            b.remove("Content-Length");
        }
        switch (d.below(5)) {
            case 0 -> b.header("Transfer-Encoding", "chunked");
            case 1 -> b.header("Transfer-Encoding", d.pick("Chunked", "CHUNKED", " chunked", "chunked ",
                    "chunked, chunked", "gzip, chunked", "chunked, gzip", "identity", "xchunked", "\tchunked",
                    "chunked;q=1", "chunked\u000b", "chunk", ""));
            case 2 -> {
                b.header("Transfer-Encoding", "gzip");
                b.header("Transfer-Encoding", "chunked");
            }
            case 3 -> b.lines.add(d.pick("Transfer-Encoding:\r\n chunked", "Transfer-Encoding : chunked",
                    "transfer-encoding: chunked", "Transfer-Encoding:chunked", "Transfer_Encoding: chunked"));
            default -> {
                b.header("Transfer-Encoding", "chunked");
                b.header("Transfer-Encoding", "chunked");
            }
        }
        // Transfer_Encoding is just another field: then the request has no body (or the one its length says)
        boolean real = b.value("Transfer-Encoding") != null || b.lines.stream().anyMatch(
                l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding"));
        if (real) {
            b.body = chunked(d, json);
        }
        b.hostile("Transfer-Encoding changed");
    }

    private void connection(Draw d, RawRequest.Builder b) {
        switch (d.below(4)) {
            case 0 -> b.header("Connection", d.pick("close", "keep-alive", "Content-Length", "Transfer-Encoding",
                    "Authorization", "Host", "keep-alive, Content-Length", "X-Forwarded-For", "close, close",
                    "upgrade"));
            case 1 -> {
                b.header("Connection", "Upgrade, HTTP2-Settings");
                b.header("Upgrade", "h2c");
                b.header("HTTP2-Settings", "AAMAAABkAAQAAP__");
            }
            case 2 -> {
                b.header("Connection", "Upgrade");
                b.header("Upgrade", "websocket");
                b.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
                b.header("Sec-WebSocket-Version", "13");
            }
            default -> b.header("Expect", d.pick("100-continue", CANARY + "-expectation", "100-continue, x"));
        }
        b.hostile("Connection, Upgrade or Expect");
    }

    private void spoof(Draw d, RawRequest.Builder b) {
        switch (d.below(8)) {
            case 0 -> {
                b.header("X-Ficus-Customer-Id", SPOOFED_CUSTOMER);
                b.spoofed.add(SPOOFED_CUSTOMER);
            }
            case 1 -> b.header("X-Ficus-Shadow", "1");
            case 2 -> b.header("X-Forwarded-For", "127.0.0.1:" + ports.forbidden());
            case 3 -> b.header(d.pick("X-Original-URL", "X-Rewrite-URL"), "/rest/V1/customers/" + CUSTOMER);
            case 4 -> b.header(d.pick("X-HTTP-Method-Override", "X-Method-Override", "X-HTTP-Method"), "GET");
            case 5 -> b.header("X-Forwarded-Prefix", "//127.0.0.1:" + ports.forbidden());
            case 6 -> b.header("X-Ficus-Backend", "catalog");
            default -> b.header("Cookie", "PHPSESSID=" + CANARY + "; PHPSESSID=x");
        }
        b.hostile("forged gateway or forwarding header");
    }

    private void injection(Draw d, RawRequest.Builder b) {
        switch (d.below(9)) {
            case 0 -> b.header("X-" + CANARY, "a\rX-Injected: " + CANARY);
            case 1 -> b.header("X-" + CANARY, "a\nX-Injected: " + CANARY);
            case 2 -> b.header("X-" + CANARY, "a\u0000b");
            case 3 -> b.lines.add(d.pick("X " + CANARY + ": 1", "X(" + CANARY + "): 1", "X" + CANARY, ": " + CANARY,
                    "X-\u00ff" + CANARY + ": 1", "X-" + CANARY + "\u0000: 1"));
            case 4 -> b.lines.add(0, " X-" + CANARY + ": folded into the line above");
            case 5 -> b.header("X-" + CANARY, "v\r\n folded");
            case 6 -> b.header("X-" + CANARY, "h".repeat(d.pick(3000, 20000)));
            case 7 -> {
                for (int i = 0; i < d.pick(50, 300); i++) {
                    b.header("X-" + CANARY + "-" + i, "v");
                }
            }
            default -> b.header("X-" + CANARY, "\u00c3\u00a9\u00ff\u0080");
        }
        b.hostile("a bad header line");
    }

    private void lineEnds(Draw d, RawRequest.Builder b) {
        b.lineEnd = d.pick("\n", "\r", "\r\r\n", "\n\r");
        b.hostile("line ends " + ByteText.escape(b.lineEnd.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private void chunkedBody(Draw d, RawRequest.Builder b) {
        String json = "{\"" + CANARY + "\":3}";
        b.remove("Content-Length").remove("Transfer-Encoding");
        b.header("Transfer-Encoding", "chunked");
        if (b.method.equals("GET") || b.method.equals("HEAD")) {
            b.notes.add("a read with a chunked body");
        }
        switch (d.below(3)) {
            case 0 -> {
                b.body = chunked(d, json);
                b.hostile("chunked body");
            }
            case 1 -> {
                String first = json.substring(0, 5);
                String rest = json.substring(5);
                b.body = d.pick("5;ext=1\r\n" + first + "\r\n", "5;a=\"q;x\"\r\n" + first + "\r\n",
                        "0005\r\n" + first + "\r\n", "5\r\n" + first + "\r\n")
                        + Integer.toHexString(rest.length()).toUpperCase() + "\r\n" + rest + "\r\n0\r\n"
                        + d.pick("", "X-T: 1\r\n", "Content-Length: 99\r\n", "Host: 127.0.0.1:" + ports.forbidden()
                        + "\r\n", "Authorization: Bearer " + REFUSED_TOKEN + "\r\n", "Transfer-Encoding: chunked\r\n")
                        + "\r\n";
                b.hostile("chunk extensions or trailers");
            }
            default -> {
                b.body = d.pick("fffffffffffffffff\r\nab\r\n0\r\n\r\n", "-5\r\nabcde\r\n0\r\n\r\n",
                        "0x5\r\nabcde\r\n0\r\n\r\n", " 5\r\nabcde\r\n0\r\n\r\n", "5 \r\nabcde\r\n0\r\n\r\n",
                        "5\r\nabcde0\r\n\r\n", "5\nabcde\n0\n\n", "3\r\nabcde\r\n0\r\n\r\n", "5\r\nabcde\r\n0\r\n",
                        "5\r\nabcde\r\n\r\n", "z\r\nabcde\r\n0\r\n\r\n", "5\r\nabcde\r\n0;\r\n\r\n",
                        "5\rabcde\r\n0\r\n\r\n");
                b.badBody = true;
                b.hostile("a malformed chunked body");
            }
        }
    }

    private void bodyOnRead(Draw d, RawRequest.Builder b) {
        b.method = d.pick("GET", "HEAD", "OPTIONS");
        b.remove("Content-Length").remove("Transfer-Encoding");
        String body = "{\"" + CANARY + "\":4}";
        if (d.chance(50)) {
            b.header("Content-Length", Integer.toString(body.length()));
            b.body = body;
        } else {
            b.header("Transfer-Encoding", "chunked");
            b.body = chunked(d, body);
        }
        b.hostile(b.method + " with a body");
    }

    /** The text as a well-formed chunked body, cut at drawn places. */
    static String chunked(Draw d, String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int n = 1 + d.below(text.length() - at);
            if (d.weighted(3, 1) == 0) {
                n = text.length() - at;
            }
            out.append(Integer.toHexString(n)).append("\r\n").append(text, at, at + n).append("\r\n");
            at += n;
        }
        return out.append("0\r\n\r\n").toString();
    }

    /** The request's bytes in pieces of drawn sizes (a client that writes a request in several packets). */
    static List<byte[]> split(Draw d, byte[] bytes, int maxPieces) {
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        int left = maxPieces;
        while (at < bytes.length) {
            int n = left <= 1 ? bytes.length - at : 1 + d.below(Math.max(1, Math.min(64, bytes.length - at)));
            if (left > 1 && d.weighted(2, 1) == 0) {
                n = bytes.length - at;
            }
            pieces.add(java.util.Arrays.copyOfRange(bytes, at, at + n));
            at += n;
            left--;
        }
        return pieces;
    }
}
