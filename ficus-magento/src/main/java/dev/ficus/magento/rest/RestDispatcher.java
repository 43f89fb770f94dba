package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.fields.FieldsFilter;
import dev.ficus.magento.api.fields.FieldsParameter;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.api.request.PhpUrlDecoding;
import dev.ficus.magento.auth.TokenClaims;
import dev.ficus.magento.auth.UserType;
import dev.ficus.magento.data.Store;
import dev.ficus.magento.data.StoreDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magento's REST front controller in small: {@code /rest[/<store code>|/all]/V1/<route>} → store scope, route match,
 * ACL check (before the body is read, as Magento checks permissions first), the route on a worker thread with a
 * pooled connection, and the JSON answer or Magento's error body.
 */
final class RestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RestDispatcher.class);

    private final Vertx vertx;
    private final DataSource dataSource;
    private final StandInServices services;
    private final List<Route> routes;
    private final MeterRegistry metrics;

    RestDispatcher(Vertx vertx, DataSource dataSource, StandInServices services, MeterRegistry metrics) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.services = services;
        this.metrics = metrics;
        List<Route> all = new ArrayList<>();
        all.addAll(TokenRoutes.routes(services));
        all.addAll(StockRoutes.routes(services));
        all.addAll(ProductRoutes.routes(services));
        all.addAll(CustomerRoutes.routes(services));
        all.addAll(OrderRoutes.routes(services));
        this.routes = List.copyOf(all);
    }

    void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpMethod method = ctx.request().method();
        List<String> segments = segments(ctx.request().path());
        Map<String, List<String>> query = new LinkedHashMap<>();
        PhpUrlDecoding.query(ctx.request().query()).forEach((k, values) -> query.put(forDatabase(k),
                values.stream().map(RestDispatcher::forDatabase).toList()));
        String body = ctx.body() == null ? null : ctx.body().asString();
        Optional<TokenClaims> caller = bearer(ctx.request().getHeader("Authorization")).flatMap(services.tokens()::verify);
        Optional<FieldsFilter> fields = FieldsParameter.fromQuery(ctx.request().query());
        vertx.executeBlocking(() -> respond(method, segments, query, body, caller.orElse(null), fields), false)
                .onComplete(ar -> {
                    Answer answer = ar.succeeded() ? ar.result() : internalError(ar.cause());
                    ctx.response().setStatusCode(answer.status())
                            .putHeader("Content-Type", "application/json; charset=utf-8")
                            .end(answer.body());
                    Timer.builder("standin_requests").tag("route", answer.route()).tag("status", String.valueOf(answer.status()))
                            .register(metrics).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                });
    }

    private record Answer(int status, String body, String route) {
    }

    private Answer respond(HttpMethod method, List<String> segments, Map<String, List<String>> query, String body,
                           TokenClaims caller, Optional<FieldsFilter> fields) {
        String routeName = "unmatched";
        try (Connection c = dataSource.getConnection()) {
            StoreDirectory stores = StoreDirectory.load(c);
            Optional<Store> store = Optional.empty();
            List<String> path = List.of();
            if (segments.size() >= 2 && segments.get(0).equals("V1")) {
                store = stores.byCode("default");
                path = segments.subList(1, segments.size());
            } else if (segments.size() >= 3 && segments.get(1).equals("V1")) {
                // /rest/all/V1 is the admin scope (store 0, whose code is "admin"); an unknown code matches no route
                store = segments.get(0).equals("all") ? Optional.of(stores.byId(0)) : stores.byCode(segments.get(0));
                path = segments.subList(2, segments.size());
            }
            if (store.isEmpty()) {
                return error(MagentoError.routeNotFound(), routeName);
            }
            for (Route route : routes) {
                if (route.method() != method) {
                    continue;
                }
                Map<String, String> params = route.match(path);
                if (params == null) {
                    continue;
                }
                routeName = method + " " + route.pattern();
                authorize(route.access(), caller);
                Object result = route.handler().handle(new RestCall(store.get(), params, query, body, caller), c);
                String json = result instanceof JsonNode n ? MagentoJson.write(n) : MagentoJson.write(result);
                // Magento filters every successful answer by ?fields= (Webapi/Controller/Rest/SynchronousRequestProcessor)
                return new Answer(200, fields.map(f -> f.apply(json)).orElse(json), routeName);
            }
            return error(MagentoError.routeNotFound(), routeName);
        } catch (MagentoException e) {
            return error(e.error(), routeName);
        } catch (Exception e) {
            return internalError(e);
        }
    }

    private void authorize(Access access, TokenClaims caller) {
        boolean admin = caller != null && (caller.userType() == UserType.ADMIN || caller.userType() == UserType.INTEGRATION);
        boolean allowed = switch (access.kind()) {
            case ANONYMOUS -> true;
            case CATALOG_READ -> admin || services.config().allowAnonymousCatalog();
            case ADMIN -> admin;
            case SELF -> caller != null && caller.userType() == UserType.CUSTOMER;
        };
        if (!allowed) {
            throw new MagentoException(MagentoError.notAuthorized(access.resource()));
        }
    }

    private static Answer error(MagentoError e, String route) {
        return new Answer(e.status(), e.body(), route);
    }

    /** Outside developer mode Magento hides the cause behind a report id; the log keeps it. */
    private static Answer internalError(Throwable cause) {
        String reportId = "webapi-" + UUID.randomUUID().toString().substring(0, 13);
        LOG.error("stand-in request failed, report {}", reportId, cause);
        return error(MagentoError.internalError(reportId), "error");
    }

    private static Optional<String> bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    /** Whether Magento's REST area answers {@code rawPath}: its first segment is "rest" (leading slashes collapse). */
    static boolean isRest(String rawPath) {
        String path = stripLeadingSlashes(rawPath);
        return path.equals("rest") || path.startsWith("rest/");
    }

    /**
     * The path's segments after /rest, undecoded, with slashes at either end trimmed as Magento trims them: a store
     * code is compared as it was sent (PathProcessor) and a route decodes only its variables (Rest\Router\Route).
     */
    static List<String> segments(String rawPath) {
        String path = stripLeadingSlashes(rawPath);
        if (!isRest(path)) {
            return List.of();
        }
        String rest = stripLeadingSlashes(path.substring("rest".length()));
        int end = rest.length();
        while (end > 0 && rest.charAt(end - 1) == '/') {
            end--;
        }
        return end == 0 ? List.of() : List.of(rest.substring(0, end).split("/", -1));
    }

    /**
     * A path variable or query value as PHP decodes it (urldecode: "+" is a space, a "%" without hex digits stays),
     * bytes that are not UTF-8 as U+FFFD for the database driver (MySQL would find nothing for them either way, unless
     * a stored value holds U+FFFD itself: the read services tell the two apart, the stand-in does not).
     */
    static String decode(String raw) {
        return forDatabase(PhpUrlDecoding.decode(raw));
    }

    private static String forDatabase(String decoded) {
        return PhpUrlDecoding.replacingBytesThatAreNotUtf8(decoded);
    }

    private static String stripLeadingSlashes(String s) {
        int from = 0;
        while (from < s.length() && s.charAt(from) == '/') {
            from++;
        }
        return s.substring(from);
    }
}
