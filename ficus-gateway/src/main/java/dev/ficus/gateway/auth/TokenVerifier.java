package dev.ficus.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.config.Upstream;
import dev.ficus.gateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Magento whether it would serve a token for an access rule. Magento 2.4 has no introspection endpoint, so the
 * check is a real request to the same kind of route as the read, for an entity that does not exist (a cheap lookup):
 * Magento runs its own ACL check first and answers 401/403 when the token may not read there, 404 when it may. The
 * self check is {@code GET /V1/customers/me}, which also gives the customer id. Verdicts are cached briefly, and
 * concurrent checks of one token share one request.
 */
public final class TokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);

    private final HttpClient magento;
    private final Upstream magentoBase;
    private final GatewayConfig.Auth config;
    private final GatewayMetrics metrics;
    private final TokenCache cache;
    private final Map<String, Future<Verdict>> inFlight = new ConcurrentHashMap<>();

    public TokenVerifier(HttpClient magento, Upstream magentoBase, GatewayConfig.Auth config, GatewayMetrics metrics) {
        this.magento = magento;
        this.magentoBase = magentoBase;
        this.config = config;
        this.metrics = metrics;
        this.cache = new TokenCache(config.cacheTtl(), config.cacheSize(), System::nanoTime);
    }

    /** @param tokenHash {@link Tokens#hash} of {@code token}, which the caller has already computed */
    public Future<Verdict> verify(String token, String tokenHash, AccessRule rule) {
        String key = rule.key() + ":" + tokenHash;
        Verdict cached = cache.get(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        Promise<Verdict> promise = Promise.promise();
        Future<Verdict> existing = inFlight.putIfAbsent(key, promise.future());
        if (existing != null) {
            return existing;
        }
        ask(token, rule).onComplete(ar -> {
            Verdict v = ar.succeeded() ? ar.result() : Verdict.UNKNOWN;
            if (ar.failed()) {
                LOG.warn("Magento did not answer a token check ({}): {}", rule.key(), ar.cause().toString());
            }
            if (v.kind() != Verdict.Kind.UNKNOWN) {
                cache.put(key, v);
            }
            metrics.tokenCheck(v.kind().name().toLowerCase(java.util.Locale.ROOT));
            inFlight.remove(key);
            promise.complete(v);
        });
        return promise.future();
    }

    private Future<Verdict> ask(String token, AccessRule rule) {
        RequestOptions options = magentoBase.request(HttpMethod.GET, config.probePaths().get(rule.key()))
                .setTimeout(config.timeout().toMillis())
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/json");
        return magento.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> verdict(rule, resp.statusCode(), body.toString())));
    }

    static Verdict verdict(AccessRule rule, int status, String body) {
        if (status == 401 || status == 403) {
            return Verdict.REFUSED;
        }
        if (status >= 500 || status < 200) {
            return Verdict.UNKNOWN;
        }
        if (rule == AccessRule.CUSTOMER_SELF) {
            if (status != 200) {
                return status == 404 ? Verdict.UNKNOWN : Verdict.REFUSED;
            }
            try {
                JsonNode id = Json.read(body).get("id");
                return id != null && id.canConvertToLong() ? Verdict.allowed(Long.toString(id.asLong())) : Verdict.UNKNOWN;
            } catch (UncheckedIOException e) {
                return Verdict.UNKNOWN;
            }
        }
        if (status / 100 == 2 || status == 404) {
            return Verdict.allowed(null);
        }
        return Verdict.REFUSED;
    }
}
