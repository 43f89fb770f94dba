package dev.ficus.magento.api.criteria;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.ficus.magento.api.json.MagentoJson;
import java.util.List;

/**
 * The list envelope shared by GET /V1/products, /V1/customers/search and /V1/orders:
 * {@code {"items":[…],"search_criteria":{…},"total_count":N}}, the criteria echoed as the caller sent them.
 */
public final class SearchResultJson {
    private SearchResultJson() {
    }

    public static ObjectNode toJson(List<ObjectNode> items, SearchCriteria criteria, long totalCount) {
        ObjectNode n = MagentoJson.object();
        ArrayNode list = n.putArray("items");
        items.forEach(list::add);
        n.set("search_criteria", criteria.toJson());
        n.put("total_count", totalCount);
        return n;
    }

    /** The envelope's text around items already written as Magento writes them (stored answers), in that order. */
    public static String write(List<String> itemsJson, SearchCriteria criteria, long totalCount) {
        ObjectNode n = MagentoJson.object();
        ArrayNode list = n.putArray("items");
        itemsJson.forEach(item -> list.addRawValue(new RawValue(item)));
        n.set("search_criteria", criteria.toJson());
        n.put("total_count", totalCount);
        return MagentoJson.write(n);
    }
}
