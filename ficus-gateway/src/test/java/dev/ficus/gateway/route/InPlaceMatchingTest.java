package dev.ficus.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.events.Domain;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The route table walks a request path in place (no split, no regex) because it runs on every request. Here it is held
 * to the plain reading of the rules, {@link SplitReference}: split the path on {@code /}, decode the segments that
 * may be dot segments, match each pattern segment by segment with the regexes of {@link RoutePattern}'s doc. Both
 * must agree on every path, including empty segments, trailing slashes, escapes and store codes.
 */
class InPlaceMatchingTest {
    private static final List<String> SEGMENTS = List.of("rest", "V1", "v1", "default", "de_de", "all", "products",
            "customers", "orders", "stockItems", "me", "types", "attributes", "lowStock", "24-MB01", "7", "42", "0",
            "", "x", ".", "..", "%2e", "%2E%2e", "a.b", "%2F", "a%2fb", "%zz", "+", "a+b", "%41", "12a", "_", "V1x",
            "api", "catalog", "p", "o", "shop", "ü");
    private final List<Route> routes = withExtras();

    private static List<Route> withExtras() {
        List<Route> all = new ArrayList<>(RouteTable.from(new RoutesConfig(true, true, List.of(
                Route.parse("/shop/p/* = catalog"), Route.parse("/shop/o/{int} = order"),
                Route.parse("/api/catalog/** = catalog => /rest/V1"),
                Route.parse("/rest/V1/products/x = magento")))).routes());
        all.add(Route.of("/{store}", Domain.CATALOG));
        all.add(Route.of("/{store}/{store}/**", Domain.ORDER));
        return all;
    }

    @Test
    void theTableAgreesWithTheSplitReadingOnGeneratedPaths() {
        RouteTable table = new RouteTable(routes);
        Random random = new Random(14);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder path = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int s = 0; s < n; s++) {
                path.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            }
            String p = path.toString();
            assertThat(table.resolve(p)).as(p).isEqualTo(SplitReference.resolve(routes, p));
        }
    }

    @Test
    void edgeCasesAgree() {
        RouteTable table = new RouteTable(routes);
        for (String p : List.of("/", "//", "///", "/rest", "/rest/", "/rest//V1/products/x", "/rest/V1/products/",
                "/rest/V1/products//", "/products/", "/api/catalog", "/api/catalog/", "/api/catalog/a/b/",
                "/shop/o/", "/shop/o/12/", "/de_de", "/V1", "/a/b", "/a/b/c/d")) {
            assertThat(table.resolve(p)).as(p).isEqualTo(SplitReference.resolve(routes, p));
        }
    }

    /** The rules as the gateway applied them before the in-place walk: one split, one regex per key segment. */
    private static final class SplitReference {
        private static final Pattern STORE_CODE = Pattern.compile("[A-Za-z0-9_]+");
        private static final Pattern DIGITS = Pattern.compile("[0-9]+");

        static RouteMatch resolve(List<Route> routes, String rawPath) {
            List<String> segments = split(rawPath);
            for (String s : segments) {
                if (s.contains(".") || s.contains("%")) {
                    String decoded;
                    try {
                        decoded = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return RouteMatch.magento(rawPath);
                    }
                    if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/")) {
                        return RouteMatch.magento(rawPath);
                    }
                }
            }
            for (Route route : routes) {
                List<String> pattern = split(route.pattern().toString());
                if (match(pattern, 0, segments, 0)) {
                    return new RouteMatch(route.domain(), upstreamPath(route, pattern, segments, rawPath),
                            route.entity());
                }
            }
            return RouteMatch.magento(rawPath);
        }

        private static String upstreamPath(Route route, List<String> pattern, List<String> segments, String raw) {
            if (route.rewrite().isEmpty()) {
                return raw;
            }
            int literals = 0;
            while (literals < pattern.size() && !pattern.get(literals).equals("*")
                    && !pattern.get(literals).startsWith("{") && !pattern.get(literals).equals("**")) {
                literals++;
            }
            List<String> out = new ArrayList<>(route.rewrite().get());
            out.addAll(segments.subList(literals, segments.size()));
            return "/" + String.join("/", out);
        }

        private static List<String> split(String path) {
            return List.of(path.substring(1).split("/", -1));
        }

        private static boolean match(List<String> tokens, int ti, List<String> segs, int si) {
            if (ti == tokens.size()) {
                return si == segs.size();
            }
            String t = tokens.get(ti);
            if (t.equals("**")) {
                return true;
            }
            if (t.equals("{store}")) {
                return match(tokens, ti + 1, segs, si) || (si < segs.size()
                        && STORE_CODE.matcher(segs.get(si)).matches() && !segs.get(si).equals("V1")
                        && match(tokens, ti + 1, segs, si + 1));
            }
            if (si >= segs.size()) {
                return false;
            }
            String s = segs.get(si);
            boolean ok = switch (t) {
                case "*" -> !s.isEmpty();
                case "{int}" -> DIGITS.matcher(s).matches();
                default -> s.equals(t);
            };
            return ok && match(tokens, ti + 1, segs, si + 1);
        }
    }

    @Test
    void theReferenceIsNotVacuous() {
        assertThat(SplitReference.resolve(routes, "/rest/de_de/V1/products/24-MB01").domain())
                .isEqualTo(Optional.of(Domain.CATALOG));
        assertThat(SplitReference.resolve(routes, "/api/catalog/products/x").upstreamPath())
                .isEqualTo("/rest/V1/products/x");
    }
}
