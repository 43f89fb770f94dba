package dev.ficus.magento.api.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    @Test
    void readsGroupsFiltersSortsAndPagingInBothSpellings() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("searchCriteria[filter_groups][1][filters][0][field]", List.of("status"));
        q.put("searchCriteria[filter_groups][1][filters][0][value]", List.of("1"));
        q.put("searchCriteria[filterGroups][0][filters][0][field]", List.of("sku"));
        q.put("searchCriteria[filterGroups][0][filters][0][value]", List.of("a%"));
        q.put("searchCriteria[filterGroups][0][filters][0][conditionType]", List.of("like"));
        q.put("searchCriteria[sortOrders][0][field]", List.of("price"));
        q.put("searchCriteria[sortOrders][0][direction]", List.of("DESC"));
        q.put("searchCriteria[pageSize]", List.of("10"));
        q.put("searchCriteria[current_page]", List.of("2"));
        SearchCriteria c = SearchCriteria.parse(q).orElseThrow();
        assertThat(c.filterGroups()).hasSize(2);
        assertThat(c.filterGroups().get(0).filters().get(0).condition()).isEqualTo("like");
        assertThat(c.filterGroups().get(1).filters().get(0).condition()).isEqualTo("eq");
        assertThat(c.sortOrders().get(0).descending()).isTrue();
        assertThat(c.toJson().toString()).isEqualTo("{\"filter_groups\":[{\"filters\":[{\"field\":\"sku\",\"value\":\"a%\","
                + "\"condition_type\":\"like\"}]},{\"filters\":[{\"field\":\"status\",\"value\":\"1\"}]}],"
                + "\"sort_orders\":[{\"field\":\"price\",\"direction\":\"DESC\"}],\"page_size\":10,\"current_page\":2}");
    }

    @Test
    void absentCriteriaIsEmptyAndABareParameterMeansEverything() {
        assertThat(SearchCriteria.parse(Map.of("fields", List.of("items")))).isEmpty();
        SearchCriteria all = SearchCriteria.parse(Map.of("searchCriteria", List.of(""))).orElseThrow();
        assertThat(all.filterGroups()).isEmpty();
        assertThat(all.toJson().toString()).isEqualTo("{\"filter_groups\":[]}");
    }

    @Test
    void pagingClampsToTheLastPageLikeMagentosCollections() {
        SearchCriteria c = new SearchCriteria(List.of(), List.of(), 10, 99);
        assertThat(c.effectivePage(25)).isEqualTo(3);
        assertThat(c.effectivePage(0)).isEqualTo(1);
        assertThat(new SearchCriteria(List.of(), List.of(), 10, 0).effectivePage(25)).isEqualTo(1);
    }

    /** PHP takes any run of digits as an array key (a key beyond an int used to throw NumberFormatException). */
    @Test
    void indexesOfAnyLengthAreIndexesInNumericOrder() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("searchCriteria[filter_groups][99999999999999999999][filters][0][field]", List.of("b"));
        q.put("searchCriteria[filter_groups][10][filters][0][field]", List.of("a"));
        q.put("searchCriteria[filter_groups][010][filters][0][field]", List.of("c"));
        q.put("searchCriteria[sortOrders][2147483648][field]", List.of("price"));
        SearchCriteria c = SearchCriteria.parse(q).orElseThrow();
        assertThat(c.filterGroups()).extracting(g -> g.filters().get(0).field()).containsExactly("c", "a", "b");
        assertThat(c.sortOrders()).extracting(SearchCriteria.SortOrder::field).containsExactly("price");
    }
}
