package dev.ficus.magento.api.criteria;

import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * searchCriteria as SQL the way Magento's FilterProcessor and SortingProcessor build it, in any {@link
 * CriteriaDialect}: filters of one group OR'd, groups AND'd, a filter without a field ignored, condition types
 * mapped as the MySQL adapter's prepareSqlCondition maps them (an unknown one is Magento's "Invalid condition type"),
 * sort orders in the order given and then the tie break, the page Magento's collections serve.
 */
public final class CriteriaWalker {
    private CriteriaWalker() {
    }

    public static <F> SqlWhere where(SearchCriteria criteria, CriteriaDialect<F> dialect) {
        List<String> groups = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SearchCriteria.FilterGroup g : criteria.filterGroups()) {
            List<String> ors = new ArrayList<>();
            for (SearchCriteria.Filter f : g.filters()) {
                if (f.field() == null || f.field().isBlank()) {
                    continue;
                }
                ors.add(condition(dialect, dialect.field(f.field()), f, params));
            }
            if (!ors.isEmpty()) {
                groups.add("(" + String.join(" OR ", ors) + ")");
            }
        }
        return new SqlWhere(groups.isEmpty() ? dialect.always() : String.join(" AND ", groups), params);
    }

    /** The ORDER BY list: the criteria's sort orders, then {@code tieBreak} ascending so that pages never overlap. */
    public static <F> String orderBy(SearchCriteria criteria, CriteriaDialect<F> dialect, String tieBreak) {
        List<String> parts = new ArrayList<>();
        for (SearchCriteria.SortOrder s : criteria.sortOrders()) {
            if (s.field() != null && !s.field().isBlank()) {
                parts.add(dialect.sortTerm(dialect.field(s.field()), s.descending()));
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

    /** Magento's answer to a filter or sort order on a field it does not know. */
    public static MagentoException unknownField(String field) {
        return new MagentoException(MagentoError.badRequest("Invalid attribute name: %1", List.of(field)));
    }

    private static <F> String condition(CriteriaDialect<F> dialect, F field, SearchCriteria.Filter f,
                                        List<Object> params) {
        String value = f.value() == null ? "" : f.value();
        switch (f.condition().toLowerCase(Locale.ROOT)) {
            case "eq":
                return dialect.compare(field, Comparison.EQ, value, params);
            case "neq":
                return dialect.compare(field, Comparison.NEQ, value, params);
            case "like":
                return dialect.like(field, value, false, params);
            case "nlike":
                return dialect.like(field, value, true, params);
            case "gt":
                return dialect.compare(field, Comparison.GT, value, params);
            case "gteq":
            case "from":
            case "moreq":
                return dialect.compare(field, Comparison.GTEQ, value, params);
            case "lt":
                return dialect.compare(field, Comparison.LT, value, params);
            case "lteq":
            case "to":
                return dialect.compare(field, Comparison.LTEQ, value, params);
            case "null":
                return dialect.isNull(field);
            case "notnull":
                return dialect.isNotNull(field);
            case "finset":
                return dialect.findInSet(field, value, params);
            case "in":
                return dialect.in(field, value, false, params);
            case "nin":
                return dialect.in(field, value, true, params);
            default:
                throw new MagentoException(MagentoError.badRequest("Invalid condition type: %1",
                        List.of(f.condition())));
        }
    }
}
