package dev.ficus.services.runtime;

import dev.ficus.magento.api.criteria.Comparison;
import dev.ficus.magento.api.criteria.CriteriaDialect;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SqlWhere;
import java.util.ArrayList;
import java.util.List;

/**
 * searchCriteria as PostgreSQL, giving the rows, order and counts Magento's MySQL gives: {@link CriteriaWalker}
 * decides the query's shape (groups, condition types, sort orders, page), this class writes each piece. Where the
 * two databases differ, MySQL is imitated: text compares and sorts case-insensitively by upper-case weight (utf8
 * general_ci), a text meeting a number is read as MySQL reads it ({@link MysqlNumbers}), a value PostgreSQL cannot
 * hold compares as MySQL compares it (see {@link StorableText}), and NULLs sort first ascending.
 */
public final class PgCriteria {
    /** How a field compares: as a number, or as text. */
    public enum Kind { NUMBER, TEXT }

    /** A field's SQL expression (yielding text or a number) and how it compares. */
    public record Field(String sql, Kind kind) {
    }

    /** Maps a searchCriteria field name to its expression; an unknown name throws {@link CriteriaWalker#unknownField}. */
    @FunctionalInterface
    public interface Fields {
        Field field(String name);
    }

    private static final String TEXT_OPERAND = "upper(?) COLLATE \"C\"";

    private PgCriteria() {
    }

    public static SqlWhere where(SearchCriteria criteria, Fields fields) {
        return CriteriaWalker.where(criteria, new Postgres(fields, false));
    }

    /**
     * The ORDER BY list, ending with {@code tieBreak} ascending. With {@code aggregate}, every expression but the
     * tie break is wrapped in MIN() (for queries grouped by the entity, as a join can repeat it).
     */
    public static String orderBy(SearchCriteria criteria, Fields fields, String tieBreak, boolean aggregate) {
        return CriteriaWalker.orderBy(criteria, new Postgres(fields, aggregate), tieBreak);
    }

    private static String sortable(Field f) {
        return f.kind() == Kind.NUMBER ? "(" + f.sql() + ")::numeric" : "upper(" + f.sql() + ") COLLATE \"C\"";
    }

    private record Postgres(Fields fields, boolean aggregate) implements CriteriaDialect<Field> {
        @Override
        public Field field(String name) {
            return fields.field(name);
        }

        /**
         * {@code field op value}. A number compares with the value read as MySQL reads it ({@link MysqlNumbers}).
         * Text that PostgreSQL cannot hold equals no row, so "=" finds nothing and "!=" every row with a value (NULL
         * stays unknown, as for any value), and an ordering compares with the storable string that sorts where it
         * does ({@link StorableText#sortBound}).
         */
        @Override
        public String compare(Field field, Comparison op, String value, List<Object> params) {
            String expr = sortable(field);
            if (field.kind() == Kind.NUMBER) {
                params.add(MysqlNumbers.read(value));
                return expr + " " + op.operator() + " ?";
            }
            if (StorableText.isStorable(value)) {
                params.add(value);
                return expr + " " + op.operator() + " " + TEXT_OPERAND;
            }
            switch (op) {
                case EQ:
                    return "FALSE";
                case NEQ:
                    return isNotNull(field);
                case GT:
                case GTEQ:
                    params.add(StorableText.sortBound(value));
                    return expr + " >= " + TEXT_OPERAND;
                default:
                    params.add(StorableText.sortBound(value));
                    return expr + " < " + TEXT_OPERAND;
            }
        }

        /**
         * LIKE as MySQL's: no stored text contains what PostgreSQL cannot hold, so such a pattern matches nothing;
         * and a backslash that ends the pattern is a literal backslash there, where PostgreSQL refuses the pattern.
         */
        @Override
        public String like(Field field, String pattern, boolean negated, List<Object> params) {
            if (!StorableText.isStorable(pattern)) {
                return negated ? isNotNull(field) : "FALSE";
            }
            int trailingBackslashes = 0;
            while (trailingBackslashes < pattern.length()
                    && pattern.charAt(pattern.length() - 1 - trailingBackslashes) == '\\') {
                trailingBackslashes++;
            }
            params.add(trailingBackslashes % 2 == 1 ? pattern + "\\" : pattern);
            return "upper((" + field.sql() + ")::text) COLLATE \"C\"" + (negated ? " NOT LIKE" : " LIKE")
                    + " upper(?)";
        }

        @Override
        public String isNull(Field field) {
            return "(" + field.sql() + ") IS NULL";
        }

        @Override
        public String isNotNull(Field field) {
            return "(" + field.sql() + ") IS NOT NULL";
        }

        @Override
        public String findInSet(Field field, String value, List<Object> params) {
            if (!StorableText.isStorable(value)) {
                return "FALSE";
            }
            params.add(value);
            return "? = ANY(string_to_array((" + field.sql() + ")::text, ','))";
        }

        /**
         * IN / NOT IN over the comma-separated values, split as Magento's adapter splits them (explode, no
         * trimming). A text PostgreSQL cannot hold is in no row's set: it drops out of the list, and a list left
         * empty finds nothing (IN) or every row with a value (NOT IN).
         */
        @Override
        public String in(Field field, String values, boolean negated, List<Object> params) {
            List<String> operands = new ArrayList<>();
            for (String v : values.split(",", -1)) {
                if (field.kind() == Kind.NUMBER) {
                    params.add(MysqlNumbers.read(v));
                    operands.add("?");
                } else if (StorableText.isStorable(v)) {
                    params.add(v);
                    operands.add(TEXT_OPERAND);
                }
            }
            if (operands.isEmpty()) {
                return negated ? isNotNull(field) : "FALSE";
            }
            return sortable(field) + (negated ? " NOT IN (" : " IN (") + String.join(", ", operands) + ")";
        }

        @Override
        public String sortTerm(Field field, boolean descending) {
            String expr = aggregate ? "MIN(" + sortable(field) + ")" : sortable(field);
            return expr + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
        }

        @Override
        public String always() {
            return "TRUE";
        }
    }
}
