package dev.ficus.magento.data;

import dev.ficus.magento.json.MagentoError;
import dev.ficus.magento.json.SearchCriteria;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns searchCriteria into SQL the way Magento's FilterProcessor and SortingProcessor do: filters of one group
 * OR'd, groups AND'd, condition types mapped as the MySQL adapter's prepareSqlCondition maps them, comma-separated
 * values for in / nin, every value bound as a parameter.
 */
public final class CriteriaSql {
    private CriteriaSql() {
    }

    public record Where(String sql, List<Object> params) {
    }

    public static Where where(SearchCriteria criteria, FieldMapper fields) {
        List<String> groups = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SearchCriteria.FilterGroup g : criteria.filterGroups()) {
            List<String> ors = new ArrayList<>();
            for (SearchCriteria.Filter f : g.filters()) {
                if (f.field() == null || f.field().isBlank()) {
                    continue;
                }
                ors.add(condition(fields.expression(f.field()), f, params));
            }
            if (!ors.isEmpty()) {
                groups.add("(" + String.join(" OR ", ors) + ")");
            }
        }
        return new Where(groups.isEmpty() ? "1=1" : String.join(" AND ", groups), params);
    }

    public static String orderBy(SearchCriteria criteria, FieldMapper fields, String tieBreak) {
        List<String> parts = new ArrayList<>();
        for (SearchCriteria.SortOrder s : criteria.sortOrders()) {
            if (s.field() != null && !s.field().isBlank()) {
                parts.add(fields.expression(s.field()) + (s.descending() ? " DESC" : " ASC"));
            }
        }
        parts.add(tieBreak + " ASC");
        return String.join(", ", parts);
    }

    /** LIMIT/OFFSET for the effective page, or nothing when no page size was given. */
    public static String limit(SearchCriteria criteria, long total) {
        if (criteria.pageSize() == null || criteria.pageSize() <= 0) {
            return "";
        }
        long offset = (long) (criteria.effectivePage(total) - 1) * criteria.pageSize();
        return " LIMIT " + criteria.pageSize() + " OFFSET " + offset;
    }

    private static String condition(String expr, SearchCriteria.Filter f, List<Object> params) {
        String value = f.value() == null ? "" : f.value();
        switch (f.condition().toLowerCase(Locale.ROOT)) {
            case "eq": params.add(value); return expr + " = ?";
            case "neq": params.add(value); return expr + " != ?";
            case "like": params.add(value); return expr + " LIKE ?";
            case "nlike": params.add(value); return expr + " NOT LIKE ?";
            case "gt": params.add(value); return expr + " > ?";
            case "gteq":
            case "from":
            case "moreq": params.add(value); return expr + " >= ?";
            case "lt": params.add(value); return expr + " < ?";
            case "lteq":
            case "to": params.add(value); return expr + " <= ?";
            case "null": return expr + " IS NULL";
            case "notnull": return expr + " IS NOT NULL";
            case "finset": params.add(value); return "FIND_IN_SET(?, " + expr + ")";
            case "in":
            case "nin": {
                List<String> values = Arrays.stream(value.split(",")).map(String::trim).toList();
                params.addAll(values);
                return expr + (f.condition().equalsIgnoreCase("nin") ? " NOT IN (" : " IN (")
                        + Rows.placeholders(values.size()) + ")";
            }
            default:
                throw new MagentoException(MagentoError.badRequest("Invalid condition type: %1", List.of(f.condition())));
        }
    }

    public static MagentoException unknownField(String field) {
        return new MagentoException(MagentoError.badRequest("Invalid attribute name: %1", List.of(field)));
    }
}
