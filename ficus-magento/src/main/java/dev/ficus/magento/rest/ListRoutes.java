package dev.ficus.magento.rest;

import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;

/** What the list routes share: searchCriteria is a required parameter of every getList(). */
final class ListRoutes {
    private ListRoutes() {
    }

    static SearchCriteria criteria(RestCall call) {
        return SearchCriteria.parse(call.query())
                .orElseThrow(() -> new MagentoException(MagentoError.requiredField("searchCriteria")));
    }
}
