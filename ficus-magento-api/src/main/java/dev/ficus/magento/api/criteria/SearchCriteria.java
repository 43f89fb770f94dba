package dev.ficus.magento.api.criteria;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.magento.api.json.MagentoJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Magento's SearchCriteriaInterface read from query parameters such as
 * {@code searchCriteria[filter_groups][0][filters][0][field]=sku}. Filters inside one group are OR'd, groups are
 * AND'd. Both the snake_case and the camelCase spellings Magento accepts are read (filter_groups / filterGroups,
 * condition_type / conditionType, sort_orders / sortOrders, page_size / pageSize, current_page / currentPage).
 */
public record SearchCriteria(List<FilterGroup> filterGroups, List<SortOrder> sortOrders, Integer pageSize,
                             Integer currentPage) {

    public record Filter(String field, String value, String conditionType) {
        /** The condition Magento applies when none is given. */
        public String condition() {
            return conditionType == null || conditionType.isBlank() ? "eq" : conditionType;
        }
    }

    public record FilterGroup(List<Filter> filters) {
    }

    public record SortOrder(String field, String direction) {
        public boolean descending() {
            return direction != null && direction.equalsIgnoreCase("DESC");
        }
    }

    private static final Pattern FILTER = Pattern.compile(
            "searchCriteria\\[(?:filter_groups|filterGroups)]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(field|value|condition_type|conditionType)]");
    /**
     * Indexes in their numeric order, however many digits they have (PHP takes any as an array key); "07" and "7" are
     * different keys to PHP, so they stay apart.
     */
    private static final Comparator<String> INDEX_ORDER =
            Comparator.comparing((String index) -> new BigInteger(index)).thenComparing(Comparator.naturalOrder());
    private static final Pattern SORT = Pattern.compile(
            "searchCriteria\\[(?:sort_orders|sortOrders)]\\[(\\d+)]\\[(field|direction)]");

    /**
     * Reads the criteria; empty when the request has no {@code searchCriteria} parameter at all, which Magento
     * answers with a "required field" error. A bare {@code searchCriteria=} means "everything".
     */
    public static Optional<SearchCriteria> parse(Map<String, List<String>> query) {
        boolean present = query.keySet().stream().anyMatch(k -> k.equals("searchCriteria") || k.startsWith("searchCriteria["));
        if (!present) {
            return Optional.empty();
        }
        TreeMap<String, TreeMap<String, String[]>> groups = new TreeMap<>(INDEX_ORDER);
        TreeMap<String, String[]> sorts = new TreeMap<>(INDEX_ORDER);
        Integer pageSize = null;
        Integer currentPage = null;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            Matcher f = FILTER.matcher(key);
            Matcher s = SORT.matcher(key);
            if (f.matches()) {
                String[] filter = groups.computeIfAbsent(f.group(1), g -> new TreeMap<>(INDEX_ORDER))
                        .computeIfAbsent(f.group(2), i -> new String[3]);
                switch (f.group(3)) {
                    case "field" -> filter[0] = value;
                    case "value" -> filter[1] = value;
                    default -> filter[2] = value;
                }
            } else if (s.matches()) {
                String[] sort = sorts.computeIfAbsent(s.group(1), i -> new String[2]);
                if (s.group(2).equals("field")) {
                    sort[0] = value;
                } else {
                    sort[1] = value;
                }
            } else if (key.equals("searchCriteria[pageSize]") || key.equals("searchCriteria[page_size]")) {
                pageSize = number(value);
            } else if (key.equals("searchCriteria[currentPage]") || key.equals("searchCriteria[current_page]")) {
                currentPage = number(value);
            }
        }
        List<FilterGroup> filterGroups = new ArrayList<>();
        groups.values().forEach(g -> filterGroups.add(new FilterGroup(g.values().stream()
                .map(a -> new Filter(a[0], a[1], a[2])).toList())));
        List<SortOrder> sortOrders = sorts.values().stream().map(a -> new SortOrder(a[0], a[1])).toList();
        return Optional.of(new SearchCriteria(filterGroups, sortOrders, pageSize, currentPage));
    }

    /** Paging as Magento's collections apply it: a page past the end gives the last page, a page below 1 the first. */
    public int effectivePage(long totalCount) {
        if (pageSize == null || pageSize <= 0) {
            return 1;
        }
        long last = totalCount == 0 ? 1 : (totalCount + pageSize - 1) / pageSize;
        int requested = currentPage == null ? 1 : currentPage;
        return (int) Math.max(1, Math.min(requested, last));
    }

    /** The criteria echoed in the response: what the caller sent, in Magento's key order. */
    public ObjectNode toJson() {
        ObjectNode n = MagentoJson.object();
        ArrayNode groups = n.putArray("filter_groups");
        for (FilterGroup g : filterGroups) {
            ArrayNode filters = groups.addObject().putArray("filters");
            for (Filter f : g.filters()) {
                ObjectNode fn = filters.addObject();
                MagentoJson.putIfPresent(fn, "field", f.field());
                MagentoJson.putIfPresent(fn, "value", f.value());
                MagentoJson.putIfPresent(fn, "condition_type", f.conditionType());
            }
        }
        if (!sortOrders.isEmpty()) {
            ArrayNode sorts = n.putArray("sort_orders");
            for (SortOrder s : sortOrders) {
                ObjectNode sn = sorts.addObject();
                MagentoJson.putIfPresent(sn, "field", s.field());
                MagentoJson.putIfPresent(sn, "direction", s.direction());
            }
        }
        if (pageSize != null) {
            n.put("page_size", pageSize);
        }
        if (currentPage != null) {
            n.put("current_page", currentPage);
        }
        return n;
    }

    private static Integer number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
