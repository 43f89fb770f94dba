package dev.ficus.sync;

/** SQL for the rows a Magento write leaves behind, for tests that play Magento. */
final class MagentoRows {
    private MagentoRows() {
    }

    static String attr(String code) {
        return "(SELECT attribute_id FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = '" + code + "')";
    }

    static String[] product(long id, String sku, String name, String price) {
        return new String[] {
                "INSERT INTO catalog_product_entity (entity_id, attribute_set_id, type_id, sku) VALUES (" + id
                        + ", 4, 'simple', '" + sku + "')",
                "INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) VALUES ("
                        + attr("name") + ", 0, " + id + ", '" + name + "')",
                "INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value) VALUES ("
                        + attr("price") + ", 0, " + id + ", " + price + ")",
                "INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value) VALUES ("
                        + attr("status") + ", 0, " + id + ", 1)",
                "INSERT INTO catalog_product_website (product_id, website_id) VALUES (" + id + ", 1)",
                "INSERT INTO cataloginventory_stock_item (product_id, stock_id, qty, is_in_stock, website_id) VALUES ("
                        + id + ", 1, 100, 1, 0)"};
    }

    static String setName(long id, String name) {
        return "UPDATE catalog_product_entity_varchar SET value = '" + name + "' WHERE entity_id = " + id
                + " AND store_id = 0 AND attribute_id = " + attr("name");
    }

    static String[] customer(long id, String email, long addressId) {
        return new String[] {
                "INSERT INTO customer_entity (entity_id, website_id, email, group_id, store_id, firstname, lastname, "
                        + "password_hash) VALUES (" + id + ", 1, '" + email + "', 1, 1, 'Ada', 'Lovelace', 'secret-hash')",
                "INSERT INTO customer_address_entity (entity_id, parent_id, city, country_id, firstname, lastname, "
                        + "street, telephone) VALUES (" + addressId + ", " + id + ", 'London', 'GB', 'Ada', 'Lovelace', "
                        + "'12 St James Sq', '0123')"};
    }

    static String[] order(long id, String increment, long productId) {
        return new String[] {
                "INSERT INTO sales_order (entity_id, state, status, store_id, increment_id, grand_total, "
                        + "customer_email, total_item_count) VALUES (" + id + ", 'new', 'pending', 1, '" + increment
                        + "', 34.5, 'ada@example.com', 1)",
                "INSERT INTO sales_order_item (order_id, store_id, product_id, sku, name, qty_ordered, price, "
                        + "base_price, row_total, base_row_total) VALUES (" + id + ", 1, " + productId
                        + ", 'SKU', 'Thing', 1, 34.5, 34.5, 34.5, 34.5)",
                "INSERT INTO sales_order_address (parent_id, address_type, city, country_id, firstname, lastname, "
                        + "street, telephone) VALUES (" + id + ", 'billing', 'London', 'GB', 'Ada', 'Lovelace', 'x', '1')"};
    }
}
