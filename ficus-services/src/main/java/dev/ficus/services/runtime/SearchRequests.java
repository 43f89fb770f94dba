package dev.ficus.services.runtime;

import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.request.PhpUrlDecoding;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The list endpoints' common start: read searchCriteria from the query as PHP and Magento read it (see
 * {@link PhpUrlDecoding#query}), or refuse.
 */
public final class SearchRequests {
    /** Answers a list request from its criteria (on a worker thread). */
    @FunctionalInterface
    public interface Search {
        Answer answer(SearchCriteria criteria) throws Exception;
    }

    private SearchRequests() {
    }

    public static void withCriteria(RoutingContext ctx, ServiceContext context, Search search) {
        Optional<SearchCriteria> criteria = SearchCriteria.parse(PhpUrlDecoding.query(ctx.request().query()));
        if (criteria.isEmpty()) {
            ServiceContext.send(ctx, MagentoErrors.answer(MagentoError.requiredField("searchCriteria")));
            return;
        }
        context.answer(ctx, () -> search.answer(criteria.get()));
    }
}
