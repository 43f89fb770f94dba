package dev.ficus.magento.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.auth.TokenClaims;
import dev.ficus.magento.data.Store;
import java.util.List;
import java.util.Map;

/**
 * One API call as a handler sees it: the store scope from the URL, path parameters, query parameters, the body
 * (parsed on first use: malformed JSON is Magento's "Decoding error."), and the caller's token claims if any.
 */
public final class RestCall {
    private final Store store;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final String rawBody;
    private final TokenClaims caller;
    private JsonNode body;

    RestCall(Store store, Map<String, String> pathParams, Map<String, List<String>> query, String rawBody, TokenClaims caller) {
        this.store = store;
        this.pathParams = pathParams;
        this.query = query;
        this.rawBody = rawBody;
        this.caller = caller;
    }

    public Store store() {
        return store;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    /** A numeric path parameter; anything else is an input error, as Magento's type conversion reports it. */
    public long pathNumber(String name) {
        String v = pathParams.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new MagentoException(MagentoError.invalidType(v, "int"));
        }
    }

    public Map<String, List<String>> query() {
        return query;
    }

    public TokenClaims caller() {
        return caller;
    }

    /** The parsed body; a missing or unparsable body is a decoding error. */
    public JsonNode body() {
        if (body == null) {
            if (rawBody == null || rawBody.isBlank()) {
                throw new MagentoException(MagentoError.decodingError());
            }
            try {
                body = Json.mapper().readTree(rawBody);
            } catch (JsonProcessingException e) {
                throw new MagentoException(MagentoError.decodingError());
            }
            if (body == null || !body.isObject()) {
                throw new MagentoException(MagentoError.decodingError());
            }
        }
        return body;
    }

    /** A top-level parameter of the service method (e.g. "product"); missing means "is required". */
    public JsonNode required(String... names) {
        for (String name : names) {
            JsonNode n = body().get(name);
            if (n != null && !n.isNull()) {
                return n;
            }
        }
        throw new MagentoException(MagentoError.requiredField(names[0]));
    }
}
