package dev.ficus.services.runtime;

import dev.ficus.magento.api.request.PhpUrlDecoding;
import java.util.Map;

/**
 * A matched Magento REST request: the store view its path names (or the default one) and its path variables, decoded
 * as PHP decodes them (see {@link PhpUrlDecoding}).
 */
public record RestRequest(long storeId, Map<String, String> params) {
    public RestRequest {
        params = Map.copyOf(params);
    }

    public String param(String name) {
        return params.get(name);
    }
}
