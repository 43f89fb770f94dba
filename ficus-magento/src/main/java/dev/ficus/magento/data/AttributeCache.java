package dev.ficus.magento.data;

import dev.ficus.magento.schema.AttributeCatalog;
import dev.ficus.magento.schema.ProductAttribute;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The product attribute catalog, loaded once and reloaded when a row names an attribute it does not know. */
public final class AttributeCache {
    private record Snapshot(AttributeCatalog catalog, Map<Integer, ProductAttribute> byId) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public AttributeCatalog catalog(Connection c) throws SQLException {
        return snapshot(c).catalog();
    }

    public ProductAttribute byId(Connection c, int attributeId) throws SQLException {
        ProductAttribute a = snapshot(c).byId().get(attributeId);
        if (a == null) {
            current.set(null);
            a = snapshot(c).byId().get(attributeId);
        }
        return a;
    }

    /** Forgets the catalog, e.g. after a test created an attribute. */
    public void refresh() {
        current.set(null);
    }

    private Snapshot snapshot(Connection c) throws SQLException {
        Snapshot s = current.get();
        if (s == null) {
            AttributeCatalog catalog = AttributeCatalog.load(c);
            Map<Integer, ProductAttribute> byId = new HashMap<>();
            catalog.all().forEach(a -> byId.put(a.id(), a));
            s = new Snapshot(catalog, byId);
            current.set(s);
        }
        return s;
    }
}
