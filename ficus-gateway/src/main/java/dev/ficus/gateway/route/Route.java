package dev.ficus.gateway.route;

import dev.ficus.events.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of the route table: a path pattern, the domain whose service may answer GET/HEAD on it (empty: Magento
 * always), an optional rewrite of the pattern's leading literal segments (the short {@code /products/…} form
 * is Magento's {@code /rest/V1/products/…}), and whether a read on it names one entity.
 *
 * @param entity a read on this route asks for one entity, so a 404 from a service means "that entity is not there
 *               (yet)": a pattern ending in {@code *} or {@code {int}}, or a keyless one made with
 *               {@link #entity(String, Domain)} ({@code /customers/me})
 */
public record Route(RoutePattern pattern, Optional<Domain> domain, Optional<List<String>> rewrite, boolean entity) {

    /** Reads {@code PATTERN = TARGET} or {@code PATTERN = TARGET => PREFIX}; TARGET is a domain or {@code magento}. */
    public static Route parse(String entry) {
        String[] sides = entry.split("=>", -1);
        if (sides.length > 2) {
            throw new RouteSyntaxException("route '" + entry + "' has more than one '=>'");
        }
        String[] main = sides[0].split("=", -1);
        if (main.length != 2) {
            throw new RouteSyntaxException("route '" + entry + "' must look like 'PATTERN = TARGET [=> PREFIX]'");
        }
        RoutePattern pattern = RoutePattern.compile(main[0]);
        String target = main[1].trim().toLowerCase(Locale.ROOT);
        Optional<Domain> domain;
        if (target.equals("magento")) {
            domain = Optional.empty();
        } else {
            domain = Optional.of(Domain.byId(target).orElseThrow(() -> new RouteSyntaxException("route '" + entry
                    + "': target must be catalog, customer, order, inventory or magento, got '" + target + "'")));
        }
        Optional<List<String>> rewrite = Optional.empty();
        if (sides.length == 2) {
            String prefix = sides[1].trim();
            if (!prefix.startsWith("/") || prefix.contains("*") || prefix.contains("{")) {
                throw new RouteSyntaxException("route '" + entry + "': rewrite prefix must be a literal path, got '"
                        + prefix + "'");
            }
            rewrite = Optional.of(segments(prefix));
        }
        return new Route(pattern, domain, rewrite, pattern.endsWithKey());
    }

    public static Route of(String pattern, Domain domain) {
        RoutePattern p = RoutePattern.compile(pattern);
        return new Route(p, Optional.ofNullable(domain), Optional.empty(), p.endsWithKey());
    }

    /** A route whose path names one entity without a key segment (the caller's own record: {@code /customers/me}). */
    public static Route entity(String pattern, Domain domain) {
        return new Route(RoutePattern.compile(pattern), Optional.of(domain), Optional.empty(), true);
    }

    /** The path the upstream gets for a matching request path. */
    String upstreamPath(String rawPath) {
        if (rewrite.isEmpty()) {
            return rawPath;
        }
        List<String> segments = segments(rawPath);
        List<String> out = new ArrayList<>(rewrite.get());
        out.addAll(segments.subList(pattern.literalPrefixLength(), segments.size()));
        return "/" + String.join("/", out);
    }

    static List<String> segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return List.of(p.split("/", -1));
    }

    @Override
    public String toString() {
        return pattern + " = " + domain.map(Domain::id).orElse("magento")
                + rewrite.map(r -> " => /" + String.join("/", r)).orElse("");
    }
}
