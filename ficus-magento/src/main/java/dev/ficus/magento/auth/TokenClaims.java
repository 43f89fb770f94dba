package dev.ficus.magento.auth;

import java.time.Instant;

/** Who a valid token belongs to: the user type, the user id (admin user or customer entity_id) and its expiry. */
public record TokenClaims(UserType userType, long userId, Instant expiresAt) {
}
