package dev.ficus.magento.api.error;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.magento.api.json.MagentoJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Magento's REST error body (Webapi\Rest\Response::_renderMessages): {@code message} is the raw phrase with its
 * placeholders, {@code parameters} a map for named placeholders (%fieldName) or a list for positional ones (%1),
 * {@code errors} only for aggregate input exceptions; empty parts are left out. The status follows
 * ErrorProcessor::maskException (NoSuchEntity 404, Authorization 401, other localized errors 400).
 */
public record MagentoError(int status, String message, Object parameters, List<MagentoError> errors) {

    public static final String REQUIRED_FIELD = "\"%fieldName\" is required. Enter and try again.";

    public static MagentoError productNotFound() {
        return new MagentoError(404, "The product that was requested doesn't exist. Verify the product and try again.", null, null);
    }

    public static MagentoError customerNotFound(long customerId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fieldName", "customerId");
        p.put("fieldValue", customerId);
        return new MagentoError(404, "No such entity with %fieldName = %fieldValue", p, null);
    }

    public static MagentoError orderNotFound() {
        return new MagentoError(404, "The entity that was requested doesn't exist. Verify the entity and try again.", null, null);
    }

    public static MagentoError stockSkuNotFound(String sku) {
        return new MagentoError(404, "The Product with the \"%1\" SKU doesn't exist.", List.of(sku), null);
    }

    /** A route exists but the caller's token (or lack of one) does not grant its ACL resource. */
    public static MagentoError notAuthorized(String resource) {
        return new MagentoError(401, "The consumer isn't authorized to access %resources.", Map.of("resources", resource), null);
    }

    /**
     * A value that Magento's type conversion could not turn into the declared type (a path id that is not a number).
     * The parameters keep Magento's order, value then type, so the body is the same on every run.
     */
    public static MagentoError invalidType(String value, String type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("value", value);
        p.put("type", type);
        return new MagentoError(400,
                "The \"%value\" value's type is invalid. The \"%type\" type was expected. Verify and try again.", p, null);
    }

    public static MagentoError invalidLogin() {
        return new MagentoError(401, "The account sign-in was incorrect or your account is disabled temporarily. "
                + "Please wait and try again later.", null, null);
    }

    public static MagentoError requiredField(String field) {
        return new MagentoError(400, REQUIRED_FIELD, Map.of("fieldName", field), null);
    }

    /** Several input errors at once: Magento's InputException once more than one error was added. */
    public static MagentoError inputErrors(List<MagentoError> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        return new MagentoError(400, "One or more input exceptions have occurred.", null, List.copyOf(errors));
    }

    /** The body could not be parsed (the wording outside developer mode). */
    public static MagentoError decodingError() {
        return new MagentoError(400, "Decoding error.", null, null);
    }

    public static MagentoError routeNotFound() {
        return new MagentoError(404, "Request does not match any route.", null, null);
    }

    public static MagentoError badRequest(String message, Object parameters) {
        return new MagentoError(400, message, parameters, null);
    }

    public static MagentoError internalError(String reportId) {
        return new MagentoError(500, "Internal Error. Details are available in Magento log file. Report ID: %1",
                List.of(reportId), null);
    }

    public ObjectNode toJson() {
        ObjectNode node = MagentoJson.object();
        node.put("message", message);
        if (errors != null && !errors.isEmpty()) {
            ArrayNode list = node.putArray("errors");
            for (MagentoError e : errors) {
                ObjectNode item = list.addObject();
                item.put("message", e.message());
                putParameters(item, e.parameters());
            }
        }
        putParameters(node, parameters);
        return node;
    }

    public String body() {
        return MagentoJson.write(toJson());
    }

    private static void putParameters(ObjectNode node, Object parameters) {
        if (parameters instanceof Map<?, ?> map && !map.isEmpty()) {
            node.set("parameters", dev.ficus.core.json.Json.mapper().valueToTree(map));
        } else if (parameters instanceof List<?> list && !list.isEmpty()) {
            node.set("parameters", dev.ficus.core.json.Json.mapper().valueToTree(list));
        }
    }
}
