package dev.ficus.services.runtime;

/**
 * Whether a SKU from a request can name a product. catalog_product_entity.sku is varchar(64), and MySQL stores no
 * more of a value than that (Magento runs it with SQL_MODE=''), so a longer SKU, like one PostgreSQL could not hold,
 * names nothing: Magento answers its not-found, and so does a service, without a query.
 */
public final class Skus {
    /** catalog_product_entity.sku's length, in characters (MySQL's varchar counts characters). */
    static final int MAX_LENGTH = 64;

    private Skus() {
    }

    public static boolean canExist(String sku) {
        return StorableText.isStorable(sku) && sku.codePointCount(0, sku.length()) <= MAX_LENGTH;
    }
}
