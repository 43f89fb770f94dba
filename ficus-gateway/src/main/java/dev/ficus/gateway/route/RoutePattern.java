package dev.ficus.gateway.route;

import java.util.ArrayList;
import java.util.List;

/**
 * A path pattern, matched segment by segment against the raw (undecoded) request path:
 * <ul>
 *   <li>a literal segment matches itself exactly;</li>
 *   <li>{@code *} matches one non-empty segment;</li>
 *   <li>{@code {int}} matches one segment of digits (Magento's numeric entity ids);</li>
 *   <li>{@code {store}} matches an optional store code ({@code default}, {@code all}, {@code de_de}: letters, digits,
 *       underscores), so one pattern covers {@code /rest/V1/…} and {@code /rest/de_de/V1/…};</li>
 *   <li>{@code **}, only last, matches the rest of the path, possibly nothing.</li>
 * </ul>
 * Anything else goes to Magento: a pattern that is too narrow costs a read that Magento serves, one that is too wide
 * sends a request to a service that cannot answer it.
 */
public final class RoutePattern {
    private enum Kind { LITERAL, ONE, INT, STORE, REST }

    private record Token(Kind kind, String literal) {
    }

    private final String text;
    private final List<Token> tokens;
    private final int literalPrefix;

    private RoutePattern(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
        int n = 0;
        while (n < tokens.size() && tokens.get(n).kind() == Kind.LITERAL) {
            n++;
        }
        this.literalPrefix = n;
    }

    public static RoutePattern compile(String text) {
        String t = text.trim();
        if (!t.startsWith("/")) {
            throw new RouteSyntaxException("path pattern must start with /, got '" + text + "'");
        }
        List<Token> tokens = new ArrayList<>();
        String[] parts = t.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            Token token = switch (p) {
                case "*" -> new Token(Kind.ONE, null);
                case "{int}" -> new Token(Kind.INT, null);
                case "{store}" -> new Token(Kind.STORE, null);
                case "**" -> {
                    if (i != parts.length - 1) {
                        throw new RouteSyntaxException("'**' may only end a pattern: '" + text + "'");
                    }
                    yield new Token(Kind.REST, null);
                }
                default -> {
                    if (p.isEmpty() || p.contains("*") || p.contains("{") || p.contains("}")) {
                        throw new RouteSyntaxException("bad segment '" + p + "' in pattern '" + text
                                + "' (use a literal, *, **, {int} or {store})");
                    }
                    yield new Token(Kind.LITERAL, p);
                }
            };
            tokens.add(token);
        }
        return new RoutePattern(t, List.copyOf(tokens));
    }

    /** The segments matched by the leading literal part of the pattern (what a rewrite replaces). */
    int literalPrefixLength() {
        return literalPrefix;
    }

    /**
     * Whether the pattern ends in a key segment ({@code *} or {@code {int}}): a read on it names one entity (a SKU,
     * an id), as opposed to a collection ({@code /products}) or a subtree ({@code **}).
     */
    public boolean endsWithKey() {
        if (tokens.isEmpty()) {
            return false;
        }
        Kind last = tokens.get(tokens.size() - 1).kind();
        return last == Kind.ONE || last == Kind.INT;
    }

    /**
     * Matches a request path that starts with {@code /}, segment by segment as {@code Route.segments} would split it
     * ({@code /a/b/} is {@code a}, {@code b} and an empty one), but walking the string in place: this runs for every
     * request against each route in turn, and splitting the path and a regex matcher per key segment were about
     * 1.1 kB of garbage per proxied read (ProxyAllocation, JFR).
     */
    public boolean matches(String path) {
        return match(0, path, 1);
    }

    /** @param from where the next segment starts; past the end ({@code path.length() + 1}) when none is left */
    private boolean match(int ti, String path, int from) {
        boolean more = from <= path.length();
        if (ti == tokens.size()) {
            return !more;
        }
        Token t = tokens.get(ti);
        if (t.kind() == Kind.REST) {
            return true;
        }
        int end = more ? segmentEnd(path, from) : from;
        if (t.kind() == Kind.STORE) {
            // the store code is optional: try "no store code" and "this segment is the store code"
            if (match(ti + 1, path, from)) {
                return true;
            }
            return more && storeCode(path, from, end) && match(ti + 1, path, end + 1);
        }
        if (!more) {
            return false;
        }
        boolean ok = switch (t.kind()) {
            case LITERAL -> end - from == t.literal().length() && path.startsWith(t.literal(), from);
            case ONE -> end > from;
            case INT -> digits(path, from, end);
            default -> false;
        };
        return ok && match(ti + 1, path, end + 1);
    }

    private static int segmentEnd(String path, int from) {
        int slash = path.indexOf('/', from);
        return slash < 0 ? path.length() : slash;
    }

    /** {@code [0-9]+}. */
    private static boolean digits(String path, int from, int end) {
        if (end == from) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A store code: {@code [A-Za-z0-9_]+}, but not {@code V1} (the API version that follows the store code). */
    private static boolean storeCode(String path, int from, int end) {
        if (end == from || (end - from == 2 && path.startsWith("V1", from))) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = path.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
