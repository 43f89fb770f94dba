package dev.ficus.magento.testsupport;

/** Magento's error bodies, written out byte for byte, so the tests compare against text and not against our code. */
public final class MagentoBodies {
    public static final String PRODUCT_NOT_FOUND =
            "{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}";
    public static final String ORDER_NOT_FOUND =
            "{\"message\":\"The entity that was requested doesn't exist. Verify the entity and try again.\"}";
    public static final String DECODING_ERROR = "{\"message\":\"Decoding error.\"}";
    public static final String ROUTE_NOT_FOUND = "{\"message\":\"Request does not match any route.\"}";
    public static final String INVALID_LOGIN = "{\"message\":\"The account sign-in was incorrect or your account is"
            + " disabled temporarily. Please wait and try again later.\"}";

    private MagentoBodies() {
    }

    public static String customerNotFound(long id) {
        return "{\"message\":\"No such entity with %fieldName = %fieldValue\",\"parameters\":{\"fieldName\":\"customerId\","
                + "\"fieldValue\":" + id + "}}";
    }

    public static String stockSkuNotFound(String sku) {
        return "{\"message\":\"The Product with the \\\"%1\\\" SKU doesn't exist.\",\"parameters\":[\"" + sku + "\"]}";
    }

    public static String notAuthorized(String resource) {
        return "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\""
                + resource + "\"}}";
    }

    public static String required(String field) {
        return "{\"message\":\"\\\"%fieldName\\\" is required. Enter and try again.\",\"parameters\":{\"fieldName\":\""
                + field + "\"}}";
    }
}
