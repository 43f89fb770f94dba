package dev.ficus.magento.api.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Magento's partial answers, rule by rule, from Magento's own source: the parse and the filter of
 * lib/internal/Magento/Framework/Webapi/Rest/Response/FieldsFilter.php (2.4, with its custom_attributes rule), and
 * when they apply, app/code/Magento/Webapi/Controller/Rest/SynchronousRequestProcessor.php (a truthy {@code fields}
 * and an array answer; errors are rendered elsewhere, Framework/Webapi/Rest/Response.php, and never filtered).
 * Every expected text below is written by hand from those rules.
 */
class FieldsFilterTest {
    private static final String PRODUCT = "{\"id\":1,\"sku\":\"24-MB01\",\"name\":\"Joust \\/ Bag\",\"price\":34,"
            + "\"weight\":1.0e-6,\"extension_attributes\":{\"website_ids\":[1],\"stock_item\":{\"item_id\":1,\"qty\":100,"
            + "\"is_in_stock\":true}},\"product_links\":[],\"custom_attributes\":[{\"attribute_code\":\"color\",\"value\":\"49\"},"
            + "{\"attribute_code\":\"size\",\"value\":\"167\"},{\"attribute_code\":\"category_ids\",\"value\":[\"3\",\"4\"]}]}";
    private static final String SEARCH = "{\"items\":[{\"id\":1,\"sku\":\"a\",\"name\":\"A\",\"price\":1},"
            + "{\"id\":2,\"sku\":\"b\",\"name\":\"B\",\"price\":2.5}],\"search_criteria\":{\"filter_groups\":[]},\"total_count\":2}";

    private static String filter(String fields, String answer) {
        return FieldsFilter.of(fields).apply(answer);
    }

    @Test
    void keepsTheSelectedNamesInTheAnswersOrderWithTheirBytesUnchanged() {
        assertThat(filter("weight,sku,name,price", PRODUCT))
                .isEqualTo("{\"sku\":\"24-MB01\",\"name\":\"Joust \\/ Bag\",\"price\":34,\"weight\":1.0e-6}");
    }

    @Test
    void nestedBracketsSelectInsideObjects() {
        assertThat(filter("sku,price,extension_attributes[stock_item[qty]]", PRODUCT))
                .isEqualTo("{\"sku\":\"24-MB01\",\"price\":34,\"extension_attributes\":{\"stock_item\":{\"qty\":100}}}");
        assertThat(filter("extension_attributes[stock_item,website_ids]", PRODUCT))
                .isEqualTo("{\"extension_attributes\":{\"website_ids\":[1],\"stock_item\":{\"item_id\":1,\"qty\":100,"
                        + "\"is_in_stock\":true}}}");
    }

    @Test
    void aListIsFilteredElementByElement() {
        assertThat(filter("items[sku,name],total_count", SEARCH))
                .isEqualTo("{\"items\":[{\"sku\":\"a\",\"name\":\"A\"},{\"sku\":\"b\",\"name\":\"B\"}],\"total_count\":2}");
        assertThat(FieldsFilter.of("sku").apply("[{\"id\":1,\"sku\":\"a\"},{\"sku\":\"b\"}]"))
                .isEqualTo("[{\"sku\":\"a\"},{\"sku\":\"b\"}]");
    }

    @Test
    void unknownNamesSelectNothingAndAnObjectLeftEmptyIsAnEmptyArray() {
        assertThat(filter("sku,no_such_field", PRODUCT)).isEqualTo("{\"sku\":\"24-MB01\"}");
        assertThat(filter("no_such_field", PRODUCT)).isEqualTo("[]");
        assertThat(filter("sku,extension_attributes[nothing]", PRODUCT))
                .isEqualTo("{\"sku\":\"24-MB01\",\"extension_attributes\":[]}");
        assertThat(filter("items[nothing]", SEARCH)).isEqualTo("{\"items\":[[],[]]}");
    }

    @Test
    void anEmptyListWithASelectionBecomesNullAndAScalarWithOneStaysWhole() {
        assertThat(filter("product_links[sku],sku[x]", PRODUCT)).isEqualTo("{\"sku\":\"24-MB01\",\"product_links\":null}");
        assertThat(filter("product_links", PRODUCT)).isEqualTo("{\"product_links\":[]}");
    }

    @Test
    void customAttributesAreSelectedByTheirCodeAndKeepTheirIndices() {
        assertThat(filter("custom_attributes[color]", PRODUCT))
                .isEqualTo("{\"custom_attributes\":[{\"attribute_code\":\"color\",\"value\":\"49\"}]}");
        // json_encode writes {"1":…} for an array whose only key is 1
        assertThat(filter("custom_attributes[size,category_ids]", PRODUCT))
                .isEqualTo("{\"custom_attributes\":{\"1\":{\"attribute_code\":\"size\",\"value\":\"167\"},"
                        + "\"2\":{\"attribute_code\":\"category_ids\",\"value\":[\"3\",\"4\"]}}}");
        assertThat(filter("custom_attributes[attribute_code]", PRODUCT))
                .isEqualTo("{\"custom_attributes\":[{\"attribute_code\":\"color\"},{\"attribute_code\":\"size\"},"
                        + "{\"attribute_code\":\"category_ids\"}]}");
        assertThat(filter("custom_attributes[size,value]", PRODUCT))
                .isEqualTo("{\"custom_attributes\":[{\"value\":\"49\"},{\"attribute_code\":\"size\",\"value\":\"167\"},"
                        + "{\"value\":[\"3\",\"4\"]}]}");
        assertThat(filter("items[custom_attributes[nothing]]",
                "{\"items\":[{\"custom_attributes\":[{\"attribute_code\":\"a\",\"value\":\"1\"}]}]}"))
                .isEqualTo("{\"items\":[{\"custom_attributes\":[]}]}");
    }

    @Test
    void invalidCharactersOrAnOpenBracketAnswerAnEmptyArray() {
        assertThat(filter("sku, price", PRODUCT)).isEqualTo("[]");
        assertThat(filter("sku%20price", PRODUCT)).isEqualTo("[]");
        assertThat(filter("sku-price", PRODUCT)).isEqualTo("[]");
        assertThat(filter("extension_attributes[stock_item[qty]", PRODUCT)).isEqualTo("[]");
        assertThat(filter("é", PRODUCT)).isEqualTo("[]");
    }

    @Test
    void aStrayClosingBracketFilesEverythingBeforeItUnderANameNoAnswerHas() {
        assertThat(filter("sku],price", PRODUCT)).isEqualTo("{\"price\":34}");
        assertThat(filter("sku]]", PRODUCT)).isEqualTo("[]");
    }

    @Test
    void anOpeningBracketBelongsToTheNameReadLast() {
        assertThat(filter("extension_attributes,[website_ids]", PRODUCT))
                .isEqualTo("{\"extension_attributes\":{\"website_ids\":[1]}}");
        // a[b][c] is a[b],b[c]
        assertThat(filter("extension_attributes[stock_item][qty]", PRODUCT))
                .isEqualTo("{\"extension_attributes\":{\"stock_item\":{\"item_id\":1,\"qty\":100,\"is_in_stock\":true}}}");
        assertThat(filter("sku,,price,", PRODUCT)).isEqualTo("{\"sku\":\"24-MB01\",\"price\":34}");
        assertThat(filter("[sku]", PRODUCT)).isEqualTo("[]");
    }

    @Test
    void aNameGivenTwiceKeepsItsLastMeaning() {
        assertThat(filter("extension_attributes[website_ids],extension_attributes", PRODUCT))
                .isEqualTo("{\"extension_attributes\":{\"website_ids\":[1],\"stock_item\":{\"item_id\":1,\"qty\":100,"
                        + "\"is_in_stock\":true}}}");
        assertThat(filter("extension_attributes,extension_attributes[website_ids]", PRODUCT))
                .isEqualTo("{\"extension_attributes\":{\"website_ids\":[1]}}");
    }

    @Test
    void anAnswerThatIsNotAnArrayPassesUnchangedAndAnEmptyCollectionIsNull() {
        assertThat(FieldsFilter.of("sku").apply("\"a token\"")).isEqualTo("\"a token\"");
        assertThat(FieldsFilter.of("sku[").apply("true")).isEqualTo("true");
        assertThat(FieldsFilter.of("sku").apply("[]")).isEqualTo("null");
        assertThat(FieldsFilter.of("sku").apply("{}")).isEqualTo("null");
    }

    @Test
    void anObjectKeyedByIntegersIsACollection() {
        assertThat(FieldsFilter.of("sku").apply("{\"5\":{\"sku\":\"a\",\"id\":5},\"7\":{\"id\":7}}"))
                .isEqualTo("{\"5\":{\"sku\":\"a\"},\"7\":[]}");
        assertThat(FieldsFilter.of("05").apply("{\"05\":1,\"5\":2}")).isEqualTo("{\"05\":1}");
        assertThat(FieldsFilter.isIntegerKey("-3")).isTrue();
        assertThat(FieldsFilter.isIntegerKey("-0")).isFalse();
        assertThat(FieldsFilter.isIntegerKey("99999999999999999999")).isFalse();
    }

    @Test
    void aScalarInACollectionWithASelectionIsMagentosTypeError() {
        assertThatThrownBy(() -> filter("extension_attributes[website_ids[x]]", PRODUCT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theParameterIsReadAsPhpAndMagentoReadIt() {
        assertThat(FieldsParameter.fromQuery(null)).isEmpty();
        assertThat(FieldsParameter.fromQuery("searchCriteria[pageSize]=2")).isEmpty();
        assertThat(FieldsParameter.fromQuery("fields=")).isEmpty();
        assertThat(FieldsParameter.fromQuery("fields=0")).isEmpty();
        assertThat(FieldsParameter.fromQuery("fields")).isEmpty();
        assertThat(apply("fields=sku&fields=price", PRODUCT)).isEqualTo("{\"price\":34}");
        assertThat(apply("%66ields=items%5Bsku%5D", SEARCH)).isEqualTo("{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}");
        assertThat(apply("fields=sku,+price", PRODUCT)).isEqualTo("[]");
        assertThat(apply("fields[]=sku", PRODUCT)).isEqualTo("[]");
        assertThat(apply("fields[]=sku&fields=sku", PRODUCT)).isEqualTo("{\"sku\":\"24-MB01\"}");
        assertThat(apply("fields[=sku", PRODUCT)).isEqualTo(PRODUCT);
    }

    @Test
    void parsesIntoMagentosTree() {
        assertThat(FieldSelection.parse("customer[id,email],addresses[city,postcode,region[region_code,region]]"))
                .hasToString("customer[id,email],addresses[city,postcode,region[region_code,region]]");
        assertThat(FieldSelection.parse("a]b")).hasToString("[a],b");
        assertThat(FieldSelection.parse("")).isNull();
        assertThat(FieldSelection.parse("a[b")).isNull();
    }

    private static String apply(String query, String answer) {
        Optional<FieldsFilter> f = FieldsParameter.fromQuery(query);
        return f.map(filter -> filter.apply(answer)).orElse(answer);
    }
}
