package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.auth.TokenClaims;
import dev.ficus.magento.auth.UserType;
import dev.ficus.magento.data.MagentoException;
import dev.ficus.magento.data.Store;
import dev.ficus.magento.data.StoreDirectory;
import dev.ficus.magento.json.MagentoError;
import dev.ficus.magento.json.MagentoJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        ctx.queryParams().forEach((k, v) -> query.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        String body = ctx.body() == null ? null : ctx.body().asString();
        Optional<TokenClaims> caller = bearer(ctx.request().getHeader("Authorization")).flatMap(services.tokens()::verify);
        vertx.executeBlocking(() -> respond(method, segments, query, body, caller.orElse(null)), false)
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
                           TokenClaims caller) {
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
                return new Answer(200, result instanceof JsonNode n ? MagentoJson.write(n) : MagentoJson.write(result), routeName);
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

    /** Path segments after /rest, each percent-decoded ("+" stays a plus, as in a path it is not a space). */
    static List<String> segments(String path) {
        String rest = path.startsWith("/rest/") ? path.substring("/rest/".length()) : "";
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/", -1)) {
            out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
