package dev.ficus.services.runtime;

import dev.ficus.magento.data.MagentoException;
import dev.ficus.magento.json.MagentoError;
import dev.ficus.magento.json.SearchCriteria;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * searchCriteria as PostgreSQL, giving the rows, order and counts Magento's MySQL gives: filters of one group OR'd,
 * groups AND'd, condition types as the MySQL adapter maps them. Where the two databases differ, MySQL is imitated:
 * text compares and sorts case-insensitively by upper-case weight (utf8 general_ci), a text meeting a number is
 * read as MySQL reads it, and NULLs sort first ascending.
 */
public final class PgCriteria {
    /** How a field compares: as a number, or as text. */
    public enum Kind { NUMBER, TEXT }

    /** A field's SQL expression (yielding text or a number) and how it compares. */
    public record Field(String sql, Kind kind) {
    }

    /** Maps a searchCriteria field name to its expression; an unknown name throws {@link #unknownField}. */
    @FunctionalInterface
    public interface Fields {
        Field field(String name);
    }

    public record Where(String sql, List<Object> params) {
    }

    private PgCriteria() {
    }

    public static Where where(SearchCriteria criteria, Fields fields) {
        List<String> groups = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SearchCriteria.FilterGroup g : criteria.filterGroups()) {
            List<String> ors = new ArrayList<>();
            for (SearchCriteria.Filter f : g.filters()) {
                if (f.field() == null || f.field().isBlank()) {
                    continue;
                }
                ors.add(condition(fields.field(f.field()), f, params));
            }
            if (!ors.isEmpty()) {
                groups.add("(" + String.join(" OR ", ors) + ")");
            }
        }
        return new Where(groups.isEmpty() ? "TRUE" : String.join(" AND ", groups), params);
    }

    /**
     * The ORDER BY list, ending with {@code tieBreak} ascending. With {@code aggregate}, every expression but the
     * tie break is wrapped in MIN() (for queries grouped by the entity, as a join can repeat it).
     */
    public static String orderBy(SearchCriteria criteria, Fields fields, String tieBreak, boolean aggregate) {
        List<String> parts = new ArrayList<>();
        for (SearchCriteria.SortOrder s : criteria.sortOrders()) {
            if (s.field() == null || s.field().isBlank()) {
                continue;
            }
            Field f = fields.field(s.field());
            String expr = sortable(f);
            if (aggregate) {
                expr = "MIN(" + expr + ")";
            }
            parts.add(expr + (s.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST"));
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

    public static MagentoException unknownField(String field) {
        return new MagentoException(MagentoError.badRequest("Invalid attribute name: %1", List.of(field)));
    }

    private static String sortable(Field f) {
        return f.kind() == Kind.NUMBER ? "(" + f.sql() + ")::numeric" : "upper(" + f.sql() + ") COLLATE \"C\"";
    }

    private static String operand(Field f) {
        return f.kind() == Kind.NUMBER ? "ficus_mysql_numeric(?)" : "upper(?) COLLATE \"C\"";
    }

    private static String condition(Field field, SearchCriteria.Filter f, List<Object> params) {
        String value = f.value() == null ? "" : f.value();
        String expr = sortable(field);
        String text = "upper((" + field.sql() + ")::text) COLLATE \"C\"";
        String condition = f.condition().toLowerCase(Locale.ROOT);
        switch (condition) {
            case "eq":
                params.add(value);
                return expr + " = " + operand(field);
            case "neq":
                params.add(value);
                return expr + " != " + operand(field);
            case "like":
                params.add(value);
                return text + " LIKE upper(?)";
            case "nlike":
                params.add(value);
                return text + " NOT LIKE upper(?)";
            case "gt":
                params.add(value);
                return expr + " > " + operand(field);
            case "gteq":
            case "from":
            case "moreq":
                params.add(value);
                return expr + " >= " + operand(field);
            case "lt":
                params.add(value);
                return expr + " < " + operand(field);
            case "lteq":
            case "to":
                params.add(value);
                return expr + " <= " + operand(field);
            case "null":
                return "(" + field.sql() + ") IS NULL";
            case "notnull":
                return "(" + field.sql() + ") IS NOT NULL";
            case "finset":
                params.add(value);
                return "? = ANY(string_to_array((" + field.sql() + ")::text, ','))";
            case "in":
            case "nin": {
                List<String> values = Arrays.stream(value.split(",")).map(String::trim).toList();
                params.addAll(values);
                List<String> operands = values.stream().map(v -> operand(field)).toList();
                return expr + (condition.equals("nin") ? " NOT IN (" : " IN (") + String.join(", ", operands) + ")";
            }
            default:
                throw new MagentoException(MagentoError.badRequest("Invalid condition type: %1",
                        List.of(f.condition())));
        }
    }
}
