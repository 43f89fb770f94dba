package dev.ficus.gateway.route;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
    private static final Pattern STORE_CODE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

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

    /** Matches path segments; returns false for any mismatch. */
    public boolean matches(List<String> segments) {
        return match(0, segments, 0);
    }

    private boolean match(int ti, List<String> segs, int si) {
        if (ti == tokens.size()) {
            return si == segs.size();
        }
        Token t = tokens.get(ti);
        switch (t.kind()) {
            case REST:
                return true;
            case STORE:
                // the store code is optional: try "no store code" and "this segment is the store code"
                if (match(ti + 1, segs, si)) {
                    return true;
                }
                return si < segs.size() && STORE_CODE.matcher(segs.get(si)).matches()
                        && !segs.get(si).equals("V1") && match(ti + 1, segs, si + 1);
            default:
                if (si >= segs.size()) {
                    return false;
                }
                String s = segs.get(si);
                boolean ok = switch (t.kind()) {
                    case LITERAL -> s.equals(t.literal());
                    case ONE -> !s.isEmpty();
                    case INT -> DIGITS.matcher(s).matches();
                    default -> false;
                };
                return ok && match(ti + 1, segs, si + 1);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
