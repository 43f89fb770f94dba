package dev.ficus.magento.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.magento.api.json.OrderJson;
import java.util.List;
import java.util.Map;

/** The rows one order consists of, as stored. */
public record OrderRows(Map<String, Object> order, List<Map<String, Object>> items,
                        List<Map<String, Object>> addresses, Map<String, Object> payment) {

    public ObjectNode toJson() {
        return OrderJson.toJson(order, items, addresses, payment);
    }
}
