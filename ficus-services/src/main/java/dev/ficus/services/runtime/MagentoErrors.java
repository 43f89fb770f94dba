package dev.ficus.services.runtime;

import dev.ficus.magento.api.error.MagentoError;
import java.util.UUID;

/** Magento's error bodies ({@link MagentoError}, shared with the stand-in) as answers. */
public final class MagentoErrors {
    private MagentoErrors() {
    }

    public static Answer answer(MagentoError error) {
        return new Answer(error.status(), error.body());
    }

    /** 404 for a path no route answers (Magento's router finds no service method). */
    public static Answer noRoute() {
        return answer(MagentoError.routeNotFound());
    }

    /** 500 as Magento answers an unexpected exception outside developer mode. */
    public static Answer internalError() {
        return answer(MagentoError.internalError("webapi-" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 13)));
    }
}
