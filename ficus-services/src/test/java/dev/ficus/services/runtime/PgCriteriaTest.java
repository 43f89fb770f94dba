package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgCriteriaTest {
    private static final PgCriteria.Fields FIELDS = name -> switch (name) {
        case "price" -> new PgCriteria.Field("price_expr", PgCriteria.Kind.NUMBER);
        case "sku" -> new PgCriteria.Field("sku_expr", PgCriteria.Kind.TEXT);
        default -> throw CriteriaWalker.unknownField(name);
    };

    private static SearchCriteria criteria(Map<String, List<String>> query) {
        return SearchCriteria.parse(query).orElseThrow();
    }

    @Test
    void filtersOfAGroupAreOredAndGroupsAnded() {
        SearchCriteria c = criteria(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", List.of("sku"),
                "searchCriteria[filter_groups][0][filters][0][value]", List.of("a%"),
                "searchCriteria[filter_groups][0][filters][0][condition_type]", List.of("like"),
                "searchCriteria[filter_groups][0][filters][1][field]", List.of("price"),
                "searchCriteria[filter_groups][0][filters][1][value]", List.of("10"),
                "searchCriteria[filter_groups][0][filters][1][condition_type]", List.of("gt"),
                "searchCriteria[filter_groups][1][filters][0][field]", List.of("price"),
                "searchCriteria[filter_groups][1][filters][0][value]", List.of("1,2"),
                "searchCriteria[filter_groups][1][filters][0][condition_type]", List.of("in")));
        SqlWhere w = PgCriteria.where(c, FIELDS);
        assertThat(w.sql()).isEqualTo("(upper((sku_expr)::text) COLLATE \"C\" LIKE upper(?)"
                + " OR (price_expr)::numeric > ?)"
                + " AND ((price_expr)::numeric IN (?, ?))");
        assertThat(w.params()).containsExactly("a%", new BigDecimal("10"), new BigDecimal("1"), new BigDecimal("2"));
    }

    @Test
    void sortsLikeMysqlWithATieBreak() {
        SearchCriteria c = criteria(Map.of(
                "searchCriteria[sortOrders][0][field]", List.of("sku"),
                "searchCriteria[sortOrders][0][direction]", List.of("DESC"),
                "searchCriteria[sortOrders][1][field]", List.of("price")));
        assertThat(PgCriteria.orderBy(c, FIELDS, "id", true)).isEqualTo(
                "MIN(upper(sku_expr) COLLATE \"C\") DESC NULLS LAST, MIN((price_expr)::numeric) ASC NULLS FIRST, id ASC");
    }

    @Test
    void pagesPastTheEndGiveTheLastPage() {
        SearchCriteria c = criteria(Map.of("searchCriteria[pageSize]", List.of("10"),
                "searchCriteria[currentPage]", List.of("99")));
        assertThat(CriteriaWalker.limit(c, 25)).isEqualTo(" LIMIT 10 OFFSET 20");
        assertThat(CriteriaWalker.limit(criteria(Map.of("searchCriteria", List.of(""))), 25)).isEmpty();
    }

    @Test
    void unknownFieldsAndConditionsAreMagentosBadRequests() {
        SearchCriteria unknown = criteria(Map.of("searchCriteria[filter_groups][0][filters][0][field]", List.of("x"),
                "searchCriteria[filter_groups][0][filters][0][value]", List.of("1")));
        assertThatThrownBy(() -> PgCriteria.where(unknown, FIELDS)).isInstanceOf(MagentoException.class)
                .satisfies(e -> assertThat(((MagentoException) e).error().body())
                        .isEqualTo("{\"message\":\"Invalid attribute name: %1\",\"parameters\":[\"x\"]}"));
        SearchCriteria badCondition = criteria(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", List.of("sku"),
                "searchCriteria[filter_groups][0][filters][0][value]", List.of("1"),
                "searchCriteria[filter_groups][0][filters][0][condition_type]", List.of("almost")));
        assertThatThrownBy(() -> PgCriteria.where(badCondition, FIELDS)).isInstanceOf(MagentoException.class)
                .hasMessage("Invalid condition type: %1");
    }

    private static SqlWhere one(String field, String value, String condition) {
        return PgCriteria.where(criteria(Map.of(
                "searchCriteria[filter_groups][0][filters][0][field]", List.of(field),
                "searchCriteria[filter_groups][0][filters][0][value]", List.of(value),
                "searchCriteria[filter_groups][0][filters][0][condition_type]", List.of(condition))), FIELDS);
    }

    @Test
    void textPostgresqlCannotHoldComparesAsMysqlComparesIt() {
        assertThat(one("sku", "P-1\0", "eq").sql()).isEqualTo("(FALSE)");
        assertThat(one("sku", "P-1\uDCFF", "like").sql()).isEqualTo("(FALSE)");
        assertThat(one("sku", "P-1\0", "finset").sql()).isEqualTo("(FALSE)");
        assertThat(one("sku", "x\0", "in").sql()).isEqualTo("(FALSE)");
        assertThat(one("sku", "P-1\0", "neq").sql()).isEqualTo("((sku_expr) IS NOT NULL)");
        assertThat(one("sku", "P-1\0", "nlike").sql()).isEqualTo("((sku_expr) IS NOT NULL)");
        assertThat(one("sku", "x\0", "nin").sql()).isEqualTo("((sku_expr) IS NOT NULL)");
        SqlWhere in = one("sku", "P-1,x\0, P-2", "in");
        assertThat(in.sql()).isEqualTo("(upper(sku_expr) COLLATE \"C\" IN (upper(?) COLLATE \"C\", upper(?) COLLATE \"C\"))");
        assertThat(in.params()).containsExactly("P-1", " P-2");
        SqlWhere gt = one("sku", "P-1\0", "gt");
        assertThat(gt.sql()).isEqualTo("(upper(sku_expr) COLLATE \"C\" >= upper(?) COLLATE \"C\")");
        assertThat(gt.params()).containsExactly("P-1");
        SqlWhere lt = one("sku", "P-1\uDCFF", "lteq");
        assertThat(lt.sql()).isEqualTo("(upper(sku_expr) COLLATE \"C\" < upper(?) COLLATE \"C\")");
        assertThat(lt.params()).containsExactly("P-1\uDBFF\uDFFF");
    }

    @Test
    void numbersAreReadAsMysqlReadsThem() {
        assertThat(one("price", "9.99\0", "eq").params()).containsExactly(new BigDecimal("9.99"));
        assertThat(one("price", "1e999999", "gt").params()).containsExactly(new BigDecimal(Double.MAX_VALUE));
        assertThat(one("price", "1,x\0", "nin").params()).containsExactly(new BigDecimal("1"), BigDecimal.ZERO);
    }

    @Test
    void aLikePatternEndingInABackslashMatchesABackslash() {
        assertThat(one("sku", "AB\\", "like").params()).containsExactly("AB\\\\");
        assertThat(one("sku", "AB\\\\", "like").params()).containsExactly("AB\\\\");
        assertThat(one("sku", "\\%", "nlike").params()).containsExactly("\\%");
    }
}
