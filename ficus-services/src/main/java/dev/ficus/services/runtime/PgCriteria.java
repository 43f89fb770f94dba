package dev.ficus.services.runtime;

import dev.ficus.magento.data.MagentoException;
import dev.ficus.magento.json.MagentoError;
import dev.ficus.magento.json.SearchCriteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * searchCriteria as PostgreSQL, giving the rows, order and counts Magento's MySQL gives: filters of one group OR'd,
 * groups AND'd, condition types as the MySQL adapter maps them. Where the two databases differ, MySQL is imitated:
 * text compares and sorts case-insensitively by upper-case weight (utf8 general_ci), a text meeting a number is
 * read as MySQL reads it ({@link MysqlNumbers}), a value PostgreSQL cannot hold compares as MySQL compares it (see
 * {@link StorableText}), and NULLs sort first ascending.
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

    private static final String TEXT_OPERAND = "upper(?) COLLATE \"C\"";

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

    private static String condition(Field field, SearchCriteria.Filter f, List<Object> params) {
        String value = f.value() == null ? "" : f.value();
        String condition = f.condition().toLowerCase(Locale.ROOT);
        switch (condition) {
            case "eq":
                return compare(field, "=", value, params);
            case "neq":
                return compare(field, "!=", value, params);
            case "like":
                return like(field, value, false, params);
            case "nlike":
                return like(field, value, true, params);
            case "gt":
                return compare(field, ">", value, params);
            case "gteq":
            case "from":
            case "moreq":
                return compare(field, ">=", value, params);
            case "lt":
                return compare(field, "<", value, params);
            case "lteq":
            case "to":
                return compare(field, "<=", value, params);
            case "null":
                return "(" + field.sql() + ") IS NULL";
            case "notnull":
                return hasValue(field);
            case "finset":
                if (!StorableText.isStorable(value)) {
                    return "FALSE";
                }
                params.add(value);
                return "? = ANY(string_to_array((" + field.sql() + ")::text, ','))";
            case "in":
            case "nin":
                return in(field, value, condition.equals("in"), params);
            default:
                throw new MagentoException(MagentoError.badRequest("Invalid condition type: %1",
                        List.of(f.condition())));
        }
    }

    /**
     * {@code field op value}. A number compares with the value read as MySQL reads it ({@link MysqlNumbers}). Text
     * that PostgreSQL cannot hold equals no row, so "=" finds nothing and "!=" every row with a value (NULL stays
     * unknown, as for any value), and an ordering compares with the storable string that sorts where it does
     * ({@link StorableText#sortBound}).
     */
    private static String compare(Field field, String op, String value, List<Object> params) {
        String expr = sortable(field);
        if (field.kind() == Kind.NUMBER) {
            params.add(MysqlNumbers.read(value));
            return expr + " " + op + " ?";
        }
        if (StorableText.isStorable(value)) {
            params.add(value);
            return expr + " " + op + " " + TEXT_OPERAND;
        }
        switch (op) {
            case "=":
                return "FALSE";
            case "!=":
                return hasValue(field);
            case ">":
            case ">=":
                params.add(StorableText.sortBound(value));
                return expr + " >= " + TEXT_OPERAND;
            default:
                params.add(StorableText.sortBound(value));
                return expr + " < " + TEXT_OPERAND;
        }
    }

    /**
     * LIKE as MySQL's: no stored text contains what PostgreSQL cannot hold, so such a pattern matches nothing; and a
     * backslash that ends the pattern is a literal backslash there, where PostgreSQL refuses the pattern.
     */
    private static String like(Field field, String pattern, boolean negated, List<Object> params) {
        if (!StorableText.isStorable(pattern)) {
            return negated ? hasValue(field) : "FALSE";
        }
        int trailingBackslashes = 0;
        while (trailingBackslashes < pattern.length()
                && pattern.charAt(pattern.length() - 1 - trailingBackslashes) == '\\') {
            trailingBackslashes++;
        }
        params.add(trailingBackslashes % 2 == 1 ? pattern + "\\" : pattern);
        return "upper((" + field.sql() + ")::text) COLLATE \"C\"" + (negated ? " NOT LIKE" : " LIKE") + " upper(?)";
    }

    /**
     * IN / NOT IN over the comma-separated values, split as Magento's adapter splits them (explode, no trimming). A
     * text PostgreSQL cannot hold is in no row's set: it drops out of the list, and a list left empty finds nothing
     * (IN) or every row with a value (NOT IN).
     */
    private static String in(Field field, String value, boolean in, List<Object> params) {
        List<String> operands = new ArrayList<>();
        for (String v : value.split(",", -1)) {
            if (field.kind() == Kind.NUMBER) {
                params.add(MysqlNumbers.read(v));
                operands.add("?");
            } else if (StorableText.isStorable(v)) {
                params.add(v);
                operands.add(TEXT_OPERAND);
            }
        }
        if (operands.isEmpty()) {
            return in ? "FALSE" : hasValue(field);
        }
        return sortable(field) + (in ? " IN (" : " NOT IN (") + String.join(", ", operands) + ")";
    }

    private static String hasValue(Field field) {
        return "(" + field.sql() + ") IS NOT NULL";
    }
}
