package dev.ficus.magento.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestDispatcherTest {

    /** Magento splits the raw path and decodes only a route's variables (Webapi\Controller\Rest\Router\Route). */
    @Test
    void pathSegmentsStayUndecodedAndEndSlashesAreTrimmed() {
        assertThat(RestDispatcher.segments("/rest/V1/products/a%2Fb+c")).containsExactly("V1", "products", "a%2Fb+c");
        assertThat(RestDispatcher.segments("//rest/default/V1/orders//")).containsExactly("default", "V1", "orders");
        assertThat(RestDispatcher.segments("/rest/V1/products//x")).containsExactly("V1", "products", "", "x");
        assertThat(RestDispatcher.segments("/restx/V1")).isEmpty();
    }

    /** Route::match urldecodes a variable: "+" is a space there, and a "%" without hex digits stays a "%". */
    @Test
    void variablesAreUrldecoded() {
        assertThat(RestDispatcher.decode("a%2Fb+c")).isEqualTo("a/b c");
        assertThat(RestDispatcher.decode("100%")).isEqualTo("100%");
        assertThat(RestDispatcher.decode("x%C3%28")).isEqualTo("x\uFFFD(");
    }
}
