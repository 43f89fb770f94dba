package dev.ficus.magento.api.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.magento.api.error.MagentoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walker's own rules, written out by a dialect that names each piece it is asked for. */
class CriteriaWalkerTest {
    private static final CriteriaDialect<String> NAMES = new CriteriaDialect<>() {
        @Override
        public String field(String name) {
            if (name.equals("secret")) {
                throw CriteriaWalker.unknownField(name);
            }
            return name;
        }

        @Override
        public String compare(String field, Comparison op, String value, List<Object> params) {
            params.add(value);
            return field + op.operator() + "?";
        }

        @Override
        public String like(String field, String pattern, boolean negated, List<Object> params) {
            params.add(pattern);
            return field + (negated ? " nlike ?" : " like ?");
        }

        @Override
        public String isNull(String field) {
            return field + " null";
        }

        @Override
        public String isNotNull(String field) {
            return field + " notnull";
        }

        @Override
        public String findInSet(String field, String value, List<Object> params) {
            params.add(value);
            return "? in set " + field;
        }

        @Override
        public String in(String field, String values, boolean negated, List<Object> params) {
            params.add(values);
            return field + (negated ? " nin ?" : " in ?");
        }

        @Override
        public String sortTerm(String field, boolean descending) {
            return field + (descending ? " down" : " up");
        }

        @Override
        public String always() {
            return "all";
        }
    };

    private static SearchCriteria criteria(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], List.of(pairs[i + 1]));
        }
        return SearchCriteria.parse(query).orElseThrow();
    }

    @Test
    void filtersOfAGroupAreOrdAndGroupsAnded() {
        SqlWhere where = CriteriaWalker.where(criteria(
                "searchCriteria[filter_groups][0][filters][0][field]", "sku",
                "searchCriteria[filter_groups][0][filters][0][value]", "a%",
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "like",
                "searchCriteria[filter_groups][0][filters][1][field]", "price",
                "searchCriteria[filter_groups][0][filters][1][value]", "10",
                "searchCriteria[filter_groups][0][filters][1][condition_type]", "FROM",
                "searchCriteria[filter_groups][1][filters][0][field]", "status",
                "searchCriteria[filter_groups][1][filters][0][value]", "1"), NAMES);

        assertThat(where.sql()).isEqualTo("(sku like ? OR price>=?) AND (status=?)");
        assertThat(where.params()).containsExactly("a%", "10", "1");
    }

    @Test
    void everyConditionTypeReachesItsPiece() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("eq", "f=?");
        expected.put("neq", "f!=?");
        expected.put("like", "f like ?");
        expected.put("nlike", "f nlike ?");
        expected.put("gt", "f>?");
        expected.put("gteq", "f>=?");
        expected.put("from", "f>=?");
        expected.put("moreq", "f>=?");
        expected.put("lt", "f<?");
        expected.put("lteq", "f<=?");
        expected.put("to", "f<=?");
        expected.put("null", "f null");
        expected.put("notnull", "f notnull");
        expected.put("finset", "? in set f");
        expected.put("in", "f in ?");
        expected.put("nin", "f nin ?");
        expected.forEach((condition, sql) -> assertThat(CriteriaWalker.where(criteria(
                "searchCriteria[filter_groups][0][filters][0][field]", "f",
                "searchCriteria[filter_groups][0][filters][0][value]", "v",
                "searchCriteria[filter_groups][0][filters][0][condition_type]", condition), NAMES).sql())
                .as(condition).isEqualTo("(" + sql + ")"));
    }

    @Test
    void noFieldNoFilterAndNoFiltersMeansEverything() {
        assertThat(CriteriaWalker.where(criteria(
                "searchCriteria[filter_groups][0][filters][0][value]", "x"), NAMES).sql()).isEqualTo("all");
        assertThat(CriteriaWalker.where(criteria("searchCriteria", ""), NAMES).sql()).isEqualTo("all");
    }

    @Test
    void anUnknownConditionOrFieldIsMagentosError() {
        assertThatThrownBy(() -> CriteriaWalker.where(criteria(
                "searchCriteria[filter_groups][0][filters][0][field]", "f",
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "regex"), NAMES))
                .isInstanceOf(MagentoException.class).hasMessage("Invalid condition type: %1");
        assertThatThrownBy(() -> CriteriaWalker.orderBy(criteria(
                "searchCriteria[sortOrders][0][field]", "secret"), NAMES, "id"))
                .isInstanceOf(MagentoException.class).hasMessage("Invalid attribute name: %1");
    }

    @Test
    void sortOrdersComeInTheirOrderThenTheTieBreakAndThePageIsMagentos() {
        SearchCriteria c = criteria(
                "searchCriteria[sortOrders][1][field]", "name",
                "searchCriteria[sortOrders][0][field]", "price",
                "searchCriteria[sortOrders][0][direction]", "desc",
                "searchCriteria[pageSize]", "10",
                "searchCriteria[currentPage]", "9");
        assertThat(CriteriaWalker.orderBy(c, NAMES, "id")).isEqualTo("price down, name up, id ASC");
        assertThat(CriteriaWalker.limit(c, 25)).isEqualTo(" LIMIT 10 OFFSET 20");
        assertThat(CriteriaWalker.limit(criteria("searchCriteria", ""), 25)).isEmpty();
    }
}
