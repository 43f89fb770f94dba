package dev.ficus.magento.api.error;

import dev.ficus.magento.api.error.MagentoError;

/** A failure Magento reports to the API caller as-is (missing entity, bad input, …), with its exact body. */
public final class MagentoException extends RuntimeException {
    private final transient MagentoError error;

    public MagentoException(MagentoError error) {
        super(error.message());
        this.error = error;
    }

    public MagentoError error() {
        return error;
    }
}
