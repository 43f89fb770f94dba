package dev.ficus.services.runtime;

import dev.ficus.magento.json.MagentoError;
import dev.ficus.magento.json.SearchCriteria;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The list endpoints' common start: read searchCriteria from the query, as Magento does, or refuse. */
public final class SearchRequests {
    /** Answers a list request from its criteria (on a worker thread). */
    @FunctionalInterface
    public interface Search {
        Answer answer(SearchCriteria criteria) throws Exception;
    }

    private SearchRequests() {
    }

    public static void withCriteria(RoutingContext ctx, ServiceContext context, Search search) {
        Optional<SearchCriteria> criteria = SearchCriteria.parse(query(ctx));
        if (criteria.isEmpty()) {
            ServiceContext.send(ctx, MagentoErrors.answer(MagentoError.requiredField("searchCriteria")));
            return;
        }
        context.answer(ctx, () -> search.answer(criteria.get()));
    }

    static Map<String, List<String>> query(RoutingContext ctx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : ctx.queryParams().names()) {
            out.put(name, ctx.queryParams().getAll(name));
        }
        return out;
    }
}
