package dev.ficus.events;

import java.util.Locale;

/**
 * The kinds of Magento entity that get a platform UUID (the {@code entity_type} of {@code magento_id_map}) and, for
 * those that travel alone, the topic their events go to. Customer addresses travel inside customer events, so they
 * have a UUID but no topic of their own.
 */
public enum EntityType {
    PRODUCT("product", Topics.PRODUCT),
    CUSTOMER("customer", Topics.CUSTOMER),
    CUSTOMER_ADDRESS("customer_address", null),
    ORDER("order", Topics.ORDER),
    STOCK("stock", Topics.STOCK),
    /**
     * The shop's store views, groups and websites as one entity (magento id 0): every read service keeps it to know
     * what a store code in {@code /rest/<code>/V1/…} means.
     */
    STORE_DIRECTORY("store_directory", Topics.STORE);

    private final String code;
    private final String topic;

    EntityType(String code, String topic) {
        this.code = code;
        this.topic = topic;
    }

    /** The wire name: {@code product}, {@code customer}, {@code customer_address}, {@code order}, {@code stock}, {@code store_directory}. */
    public String code() {
        return code;
    }

    /** The topic this type's events are published on; {@code null} for types that only travel inside another. */
    public String topic() {
        return topic;
    }

    public static EntityType fromCode(String code) {
        String wanted = code.toLowerCase(Locale.ROOT);
        for (EntityType t : values()) {
            if (t.code.equals(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown entity type '" + code + "'");
    }
}
