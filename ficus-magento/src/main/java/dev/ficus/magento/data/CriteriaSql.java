package dev.ficus.magento.data;

import dev.ficus.magento.api.criteria.Comparison;
import dev.ficus.magento.api.criteria.CriteriaDialect;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SqlWhere;
import java.util.Arrays;
import java.util.List;

/**
 * searchCriteria as MySQL, the stand-in's database: {@link CriteriaWalker} decides the query's shape, this class
 * writes each piece as Magento's MySQL adapter does (a field is the SQL expression {@link FieldMapper} gives).
 */
public final class CriteriaSql {
    private CriteriaSql() {
    }

    public static SqlWhere where(SearchCriteria criteria, FieldMapper fields) {
        return CriteriaWalker.where(criteria, new MySql(fields));
    }

    public static String orderBy(SearchCriteria criteria, FieldMapper fields, String tieBreak) {
        return CriteriaWalker.orderBy(criteria, new MySql(fields), tieBreak);
    }

    private record MySql(FieldMapper fields) implements CriteriaDialect<String> {
        @Override
        public String field(String name) {
            return fields.expression(name);
        }

        @Override
        public String compare(String expr, Comparison op, String value, List<Object> params) {
            params.add(value);
            return expr + " " + op.operator() + " ?";
        }

        @Override
        public String like(String expr, String pattern, boolean negated, List<Object> params) {
            params.add(pattern);
            return expr + (negated ? " NOT LIKE ?" : " LIKE ?");
        }

        @Override
        public String isNull(String expr) {
            return expr + " IS NULL";
        }

        @Override
        public String isNotNull(String expr) {
            return expr + " IS NOT NULL";
        }

        @Override
        public String findInSet(String expr, String value, List<Object> params) {
            params.add(value);
            return "FIND_IN_SET(?, " + expr + ")";
        }

        @Override
        public String in(String expr, String values, boolean negated, List<Object> params) {
            List<String> each = Arrays.stream(values.split(",")).map(String::trim).toList();
            params.addAll(each);
            return expr + (negated ? " NOT IN (" : " IN (") + Rows.placeholders(each.size()) + ")";
        }

        @Override
        public String sortTerm(String expr, boolean descending) {
            return expr + (descending ? " DESC" : " ASC");
        }

        @Override
        public String always() {
            return "1=1";
        }
    }
}
