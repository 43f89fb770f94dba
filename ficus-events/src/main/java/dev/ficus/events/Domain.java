package dev.ficus.events;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four domains whose reads can move off Magento: the one catalogue the sync, the read services, the gateway and
 * the command line share. A domain's id names its read service ({@code ficus service NAME}, its consumer group on
 * the topics, as Dapr names groups after the app), its flag ({@code <id>_read}), its config keys, metric labels,
 * route targets and the {@code X-Ficus-Backend} header.
 */
public enum Domain {
    /** Products with their website, category and stock extensions: consumes products and stock. */
    CATALOG(8005, List.of(Topics.PRODUCT, Topics.STOCK, Topics.STORE)),
    CUSTOMER(8006, List.of(Topics.CUSTOMER, Topics.STORE)),
    ORDER(8007, List.of(Topics.ORDER, Topics.STORE)),
    INVENTORY(8008, List.of(Topics.STOCK, Topics.STORE));

    private final int devPort;
    private final List<String> topics;
    /** Kept rather than derived: the gateway labels every request's metric with it. */
    private final String id;

    Domain(int devPort, List<String> topics) {
        this.devPort = devPort;
        this.topics = topics;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    /** {@code catalog}, {@code customer}, {@code order}, {@code inventory}. */
    public String id() {
        return id;
    }

    /** The flag that moves this domain's reads: {@code catalog_read} … */
    public String flag() {
        return id() + "_read";
    }

    /** The port this domain's read service listens on by default (and in {@code ficus dev}). */
    public int devPort() {
        return devPort;
    }

    /** The topics this domain's consumer group reads: its own, and the store directory's, which every service reads. */
    public List<String> topics() {
        return topics;
    }

    /** The domain with this id, ignoring case and surrounding blanks. */
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

    /** {@link #byId}, for a name a person typed: an unknown one throws with the names there are. */
    public static Domain fromId(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown service '" + id + "' (catalog, customer, order, inventory)"));
    }
}
