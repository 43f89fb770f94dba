package dev.ficus.gateway.auth;

import dev.ficus.events.Domain;

/**
 * Which Magento permission a routed read needs, named after the probe that checks it: an ACL resource for admin and
 * integration tokens ({@code Magento_Catalog::products}, {@code Magento_Customer::customer}, {@code Magento_Sales::sales},
 * {@code Magento_CatalogInventory::cataloginventory}) or {@code self} for a customer token on {@code /customers/me}.
 */
public enum AccessRule {
    CATALOG("catalog"),
    CUSTOMER("customer"),
    CUSTOMER_SELF("customer_self"),
    ORDER("order"),
    INVENTORY("inventory");

    private final String key;

    AccessRule(String key) {
        this.key = key;
    }

    /** The key of its probe path in {@code gateway.auth.probe.*}. */
    public String key() {
        return key;
    }

    public static AccessRule of(Domain domain, String upstreamPath) {
        return switch (domain) {
            case CATALOG -> CATALOG;
            case CUSTOMER -> upstreamPath.endsWith("/customers/me") ? CUSTOMER_SELF : CUSTOMER;
            case ORDER -> ORDER;
            case INVENTORY -> INVENTORY;
        };
    }
}
