package dev.ficus.services;

import dev.ficus.core.event.Topics;
import java.util.List;
import java.util.Locale;

/**
 * The four read services. The name is the consumer group on the topics (as Dapr names groups after the app), the
 * metric tag and the {@code ficus service NAME} argument.
 */
public enum ServiceName {
    /** Products with their website, category and stock extensions: consumes products and stock. */
    CATALOG("catalog", 8005, List.of(Topics.PRODUCT, Topics.STOCK)),
    CUSTOMER("customer", 8006, List.of(Topics.CUSTOMER)),
    ORDER("order", 8007, List.of(Topics.ORDER)),
    INVENTORY("inventory", 8008, List.of(Topics.STOCK));

    private final String code;
    private final int defaultPort;
    private final List<String> topics;

    ServiceName(String code, int defaultPort, List<String> topics) {
        this.code = code;
        this.defaultPort = defaultPort;
        this.topics = topics;
    }

    public String code() {
        return code;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The topics this service's consumer group reads. */
    public List<String> topics() {
        return topics;
    }

    public static ServiceName fromCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (ServiceName s : values()) {
            if (s.code.equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + code + "' (catalog, customer, order, inventory)");
    }
}
