package dev.ficus.gateway.proxy;

/**
 * A service answered 404 on a single-entity read. Services are eventually consistent, so this may mean "not yet":
 * Magento is asked instead. Not a failed read (it neither counts towards nor resets the auto-disable).
 */
final class EntityNotFoundException extends RuntimeException {
    EntityNotFoundException() {
        super("HTTP 404", null, false, false);
    }
}
