package dev.ficus.gateway.auth;

import dev.ficus.events.Domain;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Optional;

/**
 * Auth parity: a read goes to a service only for a caller whom Magento would serve on that route. Product reads
 * without a token only when anonymous catalog access is configured (Magento's "Allow Anonymous Guest Access");
 * everything else needs a bearer token that Magento accepts for that route. Anything unclear goes to Magento, which
 * then gives the caller its own answer, 401 body included.
 */
public final class AccessPolicy {
    private final TokenVerifier verifier;
    private final boolean anonymousCatalog;

    public AccessPolicy(TokenVerifier verifier, boolean anonymousCatalog) {
        this.verifier = verifier;
        this.anonymousCatalog = anonymousCatalog;
    }

    public Future<Access> check(Domain domain, String upstreamPath, MultiMap headers) {
        AccessRule rule = AccessRule.of(domain, upstreamPath);
        List<String> authorization = headers.getAll("Authorization");
        if (authorization.isEmpty()) {
            return Future.succeededFuture(rule == AccessRule.CATALOG && anonymousCatalog
                    ? Access.allowed(null, null) : Access.magento("no_token"));
        }
        Optional<String> token = Tokens.bearer(authorization);
        if (token.isEmpty()) {
            return Future.succeededFuture(Access.magento("not_a_bearer_token"));
        }
        String hash = Tokens.hash(token.get());
        return verifier.verify(token.get(), hash, rule).map(v -> switch (v.kind()) {
            case ALLOWED -> Access.allowed(hash, v.customerId());
            case REFUSED -> Access.magento("token_refused");
            case UNKNOWN -> Access.magento("token_unverified");
        });
    }

    /** The customer id behind a bearer token, or null (not a customer token, or Magento did not say). */
    public Future<String> customerId(MultiMap headers) {
        Optional<String> token = Tokens.bearer(headers.getAll("Authorization"));
        if (token.isEmpty()) {
            return Future.succeededFuture(null);
        }
        return verifier.verify(token.get(), Tokens.hash(token.get()), AccessRule.CUSTOMER_SELF).map(v -> v.allowed() ? v.customerId() : null);
    }
}
