package dev.ficus.magento.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stores, websites and groups of the shop, read fresh for each request (they are a handful of rows). */
public final class StoreDirectory {
    private final List<Store> stores;
    private final Map<Integer, String> websiteNames;
    private final Map<Integer, String> groupNames;

    private StoreDirectory(List<Store> stores, Map<Integer, String> websiteNames, Map<Integer, String> groupNames) {
        this.stores = stores;
        this.websiteNames = websiteNames;
        this.groupNames = groupNames;
    }

    public static StoreDirectory load(Connection c) throws SQLException {
        List<Store> stores = Rows.query(c, "SELECT store_id, code, website_id, group_id, name FROM store ORDER BY store_id")
                .stream().map(r -> new Store(((Number) r.get("store_id")).intValue(), (String) r.get("code"),
                        ((Number) r.get("website_id")).intValue(), ((Number) r.get("group_id")).intValue(),
                        (String) r.get("name"))).toList();
        Map<Integer, String> websites = new java.util.HashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT website_id, name FROM store_website")) {
            websites.put(((Number) r.get("website_id")).intValue(), String.valueOf(r.get("name")));
        }
        Map<Integer, String> groups = new java.util.HashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT group_id, name FROM store_group")) {
            groups.put(((Number) r.get("group_id")).intValue(), String.valueOf(r.get("name")));
        }
        return new StoreDirectory(stores, websites, groups);
    }

    public Optional<Store> byCode(String code) {
        return stores.stream().filter(s -> code.equals(s.code())).findFirst();
    }

    public Store byId(int id) {
        return stores.stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no store " + id));
    }

    /** The store views of a website (never the admin store). */
    public List<Integer> storeIdsOfWebsite(int websiteId) {
        return stores.stream().filter(s -> s.websiteId() == websiteId && !s.isAdmin()).map(Store::id).toList();
    }

    /** StoreManager::hasSingleStore(): one store view besides admin. Scoped writes then go to store 0. */
    public boolean hasSingleStore() {
        return stores.stream().filter(s -> !s.isAdmin()).count() < 2;
    }

    /** sales_order.store_name as checkout writes it: website, group and store names on three lines. */
    public String orderStoreName(Store store) {
        return websiteNames.getOrDefault(store.websiteId(), "") + "\n" + groupNames.getOrDefault(store.groupId(), "")
                + "\n" + store.name();
    }
}
