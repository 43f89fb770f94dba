package dev.ficus.gateway;

import java.util.Locale;
import java.util.Optional;

/**
 * The four domains whose reads can move off Magento. Each has a service, a flag {@code <id>_read} and the port its
 * service listens on in {@code ficus dev}.
 */
public enum Domain {
    CATALOG(8005),
    CUSTOMER(8006),
    ORDER(8007),
    INVENTORY(8008);

    private final int devPort;
    /** Kept: it labels every request's metric. */
    private final String id;

    Domain(int devPort) {
        this.devPort = devPort;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case name used in config keys, metric labels, route targets and the X-Ficus-Backend header. */
    public String id() {
        return id;
    }

    public String flag() {
        return id() + "_read";
    }

    public int devPort() {
        return devPort;
    }

    public static Optional<Domain> byId(String id) {
        for (Domain d : values()) {
            if (d.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<Domain> byFlag(String flag) {
        for (Domain d : values()) {
            if (d.flag().equals(flag)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
