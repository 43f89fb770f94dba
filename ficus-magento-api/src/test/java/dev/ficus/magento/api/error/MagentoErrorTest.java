package dev.ficus.magento.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagentoErrorTest {

    @Test
    void bodiesCarryTheRawPhraseAndItsParameters() {
        assertThat(MagentoError.productNotFound().body()).isEqualTo(
                "{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}");
        assertThat(MagentoError.customerNotFound(5).body()).isEqualTo("{\"message\":\"No such entity with %fieldName ="
                + " %fieldValue\",\"parameters\":{\"fieldName\":\"customerId\",\"fieldValue\":5}}");
        assertThat(MagentoError.stockSkuNotFound("a\"b").body()).isEqualTo(
                "{\"message\":\"The Product with the \\\"%1\\\" SKU doesn't exist.\",\"parameters\":[\"a\\\"b\"]}");
        assertThat(MagentoError.notAuthorized("Magento_Catalog::products").status()).isEqualTo(401);
    }

    @Test
    void oneInputErrorIsItselfAndSeveralAreAnAggregate() {
        MagentoError one = MagentoError.inputErrors(List.of(MagentoError.requiredField("email")));
        assertThat(one.body()).isEqualTo("{\"message\":\"\\\"%fieldName\\\" is required. Enter and try again.\","
                + "\"parameters\":{\"fieldName\":\"email\"}}");
        MagentoError two = MagentoError.inputErrors(List.of(MagentoError.requiredField("a"), MagentoError.requiredField("b")));
        assertThat(two.body()).startsWith("{\"message\":\"One or more input exceptions have occurred.\",\"errors\":[");
        assertThat(two.status()).isEqualTo(400);
    }
}
