package dev.ficus.services.runtime;

import dev.ficus.magento.api.error.MagentoError;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** A numeric path parameter (an entity id), read as Magento's REST type conversion reads it. */
public final class PathNumbers {
    private PathNumbers() {
    }

    /**
     * The parameter's value {@code v} as a number; otherwise answers Magento's type-mismatch error (400, parameters
     * {@code value} then {@code type}, as Magento's TypeProcessor builds them) and returns empty.
     */
    public static OptionalLong read(RoutingContext ctx, String v) {
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("value", v);
            parameters.put("type", "int");
            ServiceContext.send(ctx, MagentoErrors.answer(MagentoError.badRequest(
                    "The \"%value\" value's type is invalid. The \"%type\" type was expected. Verify and try again.",
                    parameters)));
            return OptionalLong.empty();
        }
    }
}
