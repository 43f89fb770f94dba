-- Hand-written golden fixture: the exact Magento 2.4 rows behind the expected answers in this directory.
-- Loaded into an empty database that holds only the stand-in's 2.4 schema and its fresh-install rows
-- (ficus-magento: dev/ficus/magento/schema/magento-2.4.sql), one statement at a time on one connection.
-- Format: statements end with ';' at the end of a line; comments are whole lines starting with '--'.
-- Every id is fixed so that the expected files can name it. README.md explains which Magento rule each row tests.
--
-- Magento's own connection runs in UTC (Framework/DB/Adapter/Pdo/Mysql.php); TIMESTAMP columns must be written in
-- UTC too, or the values read back would move by the server's offset.
SET SESSION time_zone = '+00:00';
SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO';

-- ---------------------------------------------------------------------------------------------------------------
-- A second store view of website 1 ("fr"), next to the install's store 1 ("default").
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active) VALUES
  (2, 'fr', 1, 1, 'French Store View', 1, 1);

-- A category below the install's "Default Category" (2).
INSERT INTO catalog_category_entity (entity_id, attribute_set_id, parent_id, created_at, updated_at, path, position,
    level, children_count) VALUES
  (3, 3, 2, '2024-01-10 08:00:00', '2024-01-10 08:00:00', '1/2/3', 1, 2, 0);

-- ---------------------------------------------------------------------------------------------------------------
-- User-defined product attributes, as the admin attribute form writes them (ids fixed: the expected files name
-- attribute 501). is_global: 0 = store view, 1 = global, 2 = website.
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input, frontend_label,
    source_model, is_required, is_user_defined, is_unique) VALUES
  (501, 4, 'golden_color', 'int', 'select', 'Golden Colour',
    'Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Table', 0, 1, 0),
  (510, 4, 'golden_max_decimal', 'decimal', 'text', 'Largest decimal', NULL, 0, 1, 0),
  (511, 4, 'golden_tiny_decimal', 'decimal', 'text', 'Smallest decimal', NULL, 0, 1, 0),
  (512, 4, 'golden_negative_decimal', 'decimal', 'text', 'Negative decimal', NULL, 0, 1, 0),
  (513, 4, 'golden_launch_at', 'datetime', 'date', 'Launch at', NULL, 0, 1, 0),
  (514, 4, 'golden_pieces', 'int', 'text', 'Pieces', NULL, 0, 1, 0),
  (515, 4, 'golden_care_text', 'text', 'textarea', 'Care text', NULL, 0, 1, 0),
  (516, 4, 'golden_origin', 'varchar', 'text', 'Origin', NULL, 0, 1, 0);

INSERT INTO catalog_eav_attribute (attribute_id, is_global, is_visible, is_filterable, is_comparable,
    is_visible_on_front, used_in_product_listing, apply_to) VALUES
  (501, 1, 1, 1, 1, 1, 1, 'simple,virtual,configurable'),
  (510, 1, 1, 0, 0, 0, 0, NULL),
  (511, 0, 1, 0, 0, 0, 0, NULL),
  (512, 0, 1, 0, 0, 0, 0, NULL),
  (513, 0, 1, 0, 0, 0, 0, NULL),
  (514, 1, 1, 0, 0, 0, 0, NULL),
  (515, 0, 1, 0, 0, 0, 0, NULL),
  (516, 2, 1, 0, 0, 0, 0, NULL);

-- golden_color's options; sort_order follows option_id, so Magento's option order (sort_order) is unambiguous.
INSERT INTO eav_attribute_option (option_id, attribute_id, sort_order) VALUES (601, 501, 0), (602, 501, 1);
INSERT INTO eav_attribute_option_value (value_id, option_id, store_id, value) VALUES
  (701, 601, 0, 'Red'), (702, 602, 0, 'Blue');

-- ---------------------------------------------------------------------------------------------------------------
-- Products. 1 golden-chair (store view overrides), 3 golden-every-type (every backend type, extreme values),
-- 20 golden-tee (configurable) with children 21 golden-tee-red and 22 golden-tee-blue.
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO catalog_product_entity (entity_id, attribute_set_id, type_id, sku, has_options, required_options,
    created_at, updated_at) VALUES
  (1, 4, 'simple', 'golden-chair', 0, 0, '2024-01-15 08:00:00', '2024-01-16 09:30:00'),
  (3, 4, 'simple', 'golden-every-type', 0, 0, '2024-01-15 08:00:03', '2024-01-20 12:00:00'),
  (20, 4, 'configurable', 'golden-tee', 1, 1, '2024-01-15 08:00:20', '2024-01-15 08:05:00'),
  (21, 4, 'simple', 'golden-tee-red', 0, 0, '2024-01-15 08:00:21', '2024-01-15 08:00:21'),
  (22, 4, 'simple', 'golden-tee-blue', 0, 0, '2024-01-15 08:00:22', '2024-01-15 08:00:22');

INSERT INTO catalog_product_website (product_id, website_id) VALUES (1, 1), (3, 1), (20, 1), (21, 1), (22, 1);

INSERT INTO catalog_category_product (entity_id, category_id, product_id, position) VALUES
  (1, 3, 1, 3), (2, 3, 3, 0), (3, 3, 20, 1);

-- golden-chair (1): store 0 defaults; store 1 overrides meta_title only; store 2 ("fr") overrides name, description
-- and status, holds a NULL short_description (which hides the default), and a price row that Magento does not read
-- (price is global under the default catalog/price/scope = 0); url_key and the rest are inherited.
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 'Oak Chair' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 2, 1, 'Chaise en chêne' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 'oak-chair' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'url_key';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 'Oak Chair' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'meta_title';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 1, 1, 'Oak Chair | Main Store' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'meta_title';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 'container2' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'options_container';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'status';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 2, 1, 2 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'status';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 4 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'visibility';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 2 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'tax_class_id';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 120.000000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'price';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 2, 1, 99.000000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'price';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 7.250000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'weight';
INSERT INTO catalog_product_entity_text (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, '<p>Solid oak, oiled.</p>' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'description';
INSERT INTO catalog_product_entity_text (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 2, 1, '<p>Chêne massif, huilé.</p>' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'description';
INSERT INTO catalog_product_entity_text (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 1, 'A chair for the long table' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'short_description';
INSERT INTO catalog_product_entity_text (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 2, 1, NULL FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'short_description';

-- golden-every-type (3): one value of every backend type, the extremes of decimal(20,6), and stray store 1 rows of
-- three global attributes (weight, golden_max_decimal, golden_pieces) that Magento reads from store 0 only.
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, 'Every Type Widget' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, 'every-type-widget' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'url_key';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) VALUES (516, 0, 3, 'Portugal');
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'status';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, 4 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'visibility';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value) VALUES
  (514, 0, 3, 0), (514, 1, 3, 7);
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, 99999999999999.999999 FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'price';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, 0.000001 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'weight';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 1, 3, 3.000000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'weight';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, -5.500000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'cost';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value) VALUES
  (510, 0, 3, 99999999999999.999999), (510, 1, 3, 1.500000),
  (511, 0, 3, 0.000001),
  (512, 0, 3, -12345.678900);
INSERT INTO catalog_product_entity_datetime (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, '2024-01-01 00:00:00' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'special_from_date';
INSERT INTO catalog_product_entity_datetime (attribute_id, store_id, entity_id, value) VALUES
  (513, 0, 3, '2024-02-29 23:59:59');
INSERT INTO catalog_product_entity_text (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 3, '<p>Line one</p>\n<p>Zeile zwei — größer &amp; „besser“</p>' FROM eav_attribute
  WHERE entity_type_id = 4 AND attribute_code = 'description';
INSERT INTO catalog_product_entity_text (attribute_id, store_id, entity_id, value) VALUES
  (515, 0, 3, 'Wash at 30 °C\tthen "air" dry / never 🔥');

-- golden-tee (20), configurable on golden_color (501): no price row of its own (Magento's configurable has none).
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 20, 'Golden Tee' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 2, 20, 'T-shirt doré' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 20, 'golden-tee' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'url_key';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 20, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'status';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 20, 4 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'visibility';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 20, 2 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'tax_class_id';

-- the children: simple, not visible individually, one golden_color option each, their own prices
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 21, 'Golden Tee Red' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 22, 'Golden Tee Blue' FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'name';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 21, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'status';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 22, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'status';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 21, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'visibility';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 22, 1 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'visibility';
INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value) VALUES
  (501, 0, 21, 601), (501, 0, 22, 602);
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 21, 25.000000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'price';
INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value)
  SELECT attribute_id, 0, 22, 27.500000 FROM eav_attribute WHERE entity_type_id = 4 AND attribute_code = 'price';

-- the configurable's option: one super attribute, its label at store 0 and a store view label for "fr"
INSERT INTO catalog_product_super_attribute (product_super_attribute_id, product_id, attribute_id, position) VALUES
  (30, 20, 501, 0);
INSERT INTO catalog_product_super_attribute_label (value_id, product_super_attribute_id, store_id, use_default, value)
  VALUES (31, 30, 0, 0, 'Colour'), (32, 30, 2, 0, 'Couleur');
INSERT INTO catalog_product_super_link (link_id, product_id, parent_id) VALUES (40, 21, 20), (41, 22, 20);
INSERT INTO catalog_product_relation (parent_id, child_id) VALUES (20, 21), (20, 22);

-- stock items (stock 1, website 0 as CatalogInventory writes them), every use_config_* flag on
INSERT INTO cataloginventory_stock_item (item_id, product_id, stock_id, qty, is_in_stock, is_qty_decimal,
    min_sale_qty, max_sale_qty, notify_stock_qty, manage_stock, qty_increments, website_id) VALUES
  (1, 1, 1, 40.0000, 1, 0, 1.0000, 10000.0000, 1.0000, 1, 1.0000, 0),
  (3, 3, 1, 12.5000, 1, 1, 1.0000, 10000.0000, 1.0000, 1, 1.0000, 0),
  (20, 20, 1, 0.0000, 1, 0, 1.0000, 10000.0000, 1.0000, 1, 1.0000, 0),
  (21, 21, 1, 100.0000, 1, 0, 1.0000, 10000.0000, 1.0000, 1, 1.0000, 0),
  (22, 22, 1, 100.0000, 1, 0, 1.0000, 10000.0000, 1.0000, 1, 1.0000, 0);

-- ---------------------------------------------------------------------------------------------------------------
-- Customer 7 with three addresses: 11 (default billing, two street lines, company), 12 (default shipping),
-- 13 (neither, three street lines, fax). Regions are directory regions (12 California, 43 New York, 57 Texas).
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO customer_entity (entity_id, website_id, email, group_id, store_id, created_at, updated_at, is_active,
    disable_auto_group_change, created_in, prefix, firstname, middlename, lastname, dob, password_hash,
    default_billing, default_shipping, gender, failures_num) VALUES
  (7, 1, 'ada@example.com', 1, 1, '2024-03-01 10:00:00', '2024-03-02 11:30:00', 1, 0, 'Default Store View',
    'Dr.', 'Ada', 'M.', 'Lovelace', '1985-07-14', NULL, 11, 12, 2, 0);
INSERT INTO customer_address_entity (entity_id, parent_id, created_at, updated_at, is_active, city, company,
    country_id, fax, firstname, lastname, postcode, region, region_id, street, telephone) VALUES
  (11, 7, '2024-03-01 10:00:00', '2024-03-01 10:00:00', 1, 'Cupertino', 'Analytical Engines Ltd', 'US', NULL,
    'Ada', 'Lovelace', '95014', 'California', 12, '1 Infinite Loop\nBuilding 4', '408-555-0101'),
  (12, 7, '2024-03-01 10:00:00', '2024-03-01 10:00:00', 1, 'New York', NULL, 'US', NULL,
    'Ada', 'Lovelace', '10118', 'New York', 43, '350 Fifth Avenue', '212-555-0102'),
  (13, 7, '2024-03-01 10:00:00', '2024-03-01 10:00:00', 1, 'Austin', NULL, 'US', '512-555-0199',
    'Ada', 'Lovelace', '73301', 'Texas', 57, '1 Main St\nSuite 2\nBack door', '512-555-0103');

-- ---------------------------------------------------------------------------------------------------------------
-- Order 5: a guest's order (no customer id, group 0 NOT LOGGED IN), two golden-chair at 119.99, flat rate 10.00,
-- check / money order, state new. Order 6: customer 7 orders one golden-tee in Blue (a configurable line 61 with its
-- child line 62) and one golden-chair (63).
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO sales_order (entity_id, state, status, protect_code, shipping_description, is_virtual, store_id,
    customer_id, base_discount_amount, base_grand_total, base_shipping_amount, base_shipping_tax_amount,
    base_subtotal, base_tax_amount, base_to_global_rate, base_to_order_rate, discount_amount, grand_total,
    shipping_amount, shipping_tax_amount, store_to_base_rate, store_to_order_rate, subtotal, tax_amount,
    total_qty_ordered, customer_is_guest, customer_note_notify, billing_address_id, customer_group_id, email_sent,
    send_email, quote_id, shipping_address_id, base_shipping_discount_amount, base_subtotal_incl_tax, base_total_due,
    shipping_discount_amount, subtotal_incl_tax, total_due, weight, increment_id, base_currency_code, customer_email,
    customer_firstname, customer_lastname, global_currency_code, order_currency_code, remote_ip, shipping_method,
    store_currency_code, store_name, created_at, updated_at, total_item_count, discount_tax_compensation_amount,
    base_discount_tax_compensation_amount, shipping_discount_tax_compensation_amount,
    base_shipping_discount_tax_compensation_amnt, shipping_incl_tax, base_shipping_incl_tax) VALUES
  (5, 'new', 'pending', 'a1b2c3', 'Flat Rate - Fixed', 0, 1,
    NULL, 0.0000, 249.9800, 10.0000, 0.0000,
    239.9800, 0.0000, 1.0000, 1.0000, 0.0000, 249.9800,
    10.0000, 0.0000, 0.0000, 0.0000, 239.9800, 0.0000,
    2.0000, 1, 1, 9, 0, 1,
    1, 805, 10, 0.0000, 239.9800, 249.9800,
    0.0000, 239.9800, 249.9800, 14.5000, '000000005', 'USD', 'grace@example.com',
    'Grace', 'Hopper', 'USD', 'USD', '203.0.113.9', 'flatrate_flatrate',
    'USD', 'Main Website\nMain Website Store\nDefault Store View', '2024-04-01 09:15:00', '2024-04-01 09:15:02', 1,
    0.0000, 0.0000, 0.0000, 0.0000, 10.0000, 10.0000),
  (6, 'processing', 'processing', 'd4e5f6', 'Flat Rate - Fixed', 0, 1,
    7, 0.0000, 157.5000, 10.0000, 0.0000,
    147.5000, 0.0000, 1.0000, 1.0000, 0.0000, 157.5000,
    10.0000, 0.0000, 0.0000, 0.0000, 147.5000, 0.0000,
    2.0000, 0, 1, 14, 1, 1,
    1, 806, 15, 0.0000, 147.5000, 157.5000,
    0.0000, 147.5000, 157.5000, 7.7500, '000000006', 'USD', 'ada@example.com',
    'Ada', 'Lovelace', 'USD', 'USD', '198.51.100.7', 'flatrate_flatrate',
    'USD', 'Main Website\nMain Website Store\nDefault Store View', '2024-04-02 14:00:00', '2024-04-02 14:20:00', 2,
    0.0000, 0.0000, 0.0000, 0.0000, 10.0000, 10.0000);

INSERT INTO sales_order_item (item_id, order_id, parent_item_id, quote_item_id, store_id, created_at, updated_at,
    product_id, product_type, product_options, weight, is_virtual, sku, name, is_qty_decimal, no_discount,
    qty_ordered, price, base_price, original_price, base_original_price, tax_percent, tax_amount, base_tax_amount,
    discount_amount, base_discount_amount, row_total, base_row_total, row_weight, price_incl_tax,
    base_price_incl_tax, row_total_incl_tax, base_row_total_incl_tax, discount_tax_compensation_amount,
    base_discount_tax_compensation_amount, free_shipping) VALUES
  (51, 5, NULL, 851, 1, '2024-04-01 09:15:00', '2024-04-01 09:15:00',
    1, 'simple', '{"info_buyRequest":{"qty":2,"product":"1"}}', 7.2500, 0, 'golden-chair', 'Oak Chair', 0, 0,
    2.0000, 119.9900, 119.9900, 119.9900, 119.9900, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 239.9800, 239.9800, 14.5000, 119.9900,
    119.9900, 239.9800, 239.9800, 0.0000,
    0.0000, 0),
  (61, 6, NULL, 861, 1, '2024-04-02 14:00:00', '2024-04-02 14:00:00',
    20, 'configurable',
    '{"info_buyRequest":{"qty":1,"product":"20","super_attribute":{"501":"602"}},"attributes_info":[{"label":"Colour","value":"Blue","option_id":501,"option_value":"602"}],"simple_name":"Golden Tee Blue","simple_sku":"golden-tee-blue","product_calculations":1,"shipment_type":0}',
    0.5000, 0, 'golden-tee-blue', 'Golden Tee', 0, 0,
    1.0000, 27.5000, 27.5000, 27.5000, 27.5000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 27.5000, 27.5000, 0.5000, 27.5000,
    27.5000, 27.5000, 27.5000, 0.0000,
    0.0000, 0),
  (62, 6, 61, 862, 1, '2024-04-02 14:00:00', '2024-04-02 14:00:00',
    22, 'simple', '{"info_buyRequest":{"qty":1,"product":"20","super_attribute":{"501":"602"}}}', 0.5000, 0,
    'golden-tee-blue', 'Golden Tee Blue', 0, 0,
    1.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, NULL,
    NULL, NULL, NULL, NULL,
    NULL, 0),
  (63, 6, NULL, 863, 1, '2024-04-02 14:00:00', '2024-04-02 14:00:00',
    1, 'simple', '{"info_buyRequest":{"qty":1,"product":"1"}}', 7.2500, 0, 'golden-chair', 'Oak Chair', 0, 0,
    1.0000, 120.0000, 120.0000, 120.0000, 120.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 120.0000, 120.0000, 7.2500, 120.0000,
    120.0000, 120.0000, 120.0000, 0.0000,
    0.0000, 0);

INSERT INTO sales_order_address (entity_id, parent_id, customer_address_id, quote_address_id, region_id, customer_id,
    fax, region, postcode, lastname, street, city, email, telephone, country_id, firstname, address_type) VALUES
  (9, 5, NULL, 901, 43, NULL, NULL, 'New York', '10001', 'Hopper', '1 Navy Yard\nPier 3', 'New York',
    'grace@example.com', '212-555-0150', 'US', 'Grace', 'billing'),
  (10, 5, NULL, 902, 43, NULL, NULL, 'New York', '10001', 'Hopper', '1 Navy Yard\nPier 3', 'New York',
    'grace@example.com', '212-555-0150', 'US', 'Grace', 'shipping'),
  (14, 6, 11, 903, 12, 7, NULL, 'California', '95014', 'Lovelace', '1 Infinite Loop\nBuilding 4', 'Cupertino',
    'ada@example.com', '408-555-0101', 'US', 'Ada', 'billing'),
  (15, 6, 12, 904, 43, 7, NULL, 'New York', '10118', 'Lovelace', '350 Fifth Avenue', 'New York',
    'ada@example.com', '212-555-0102', 'US', 'Ada', 'shipping');

INSERT INTO sales_order_payment (entity_id, parent_id, base_shipping_amount, shipping_amount, base_amount_ordered,
    amount_ordered, method, additional_information) VALUES
  (5, 5, 10.0000, 10.0000, 249.9800, 249.9800, 'checkmo', '{"method_title":"Check \\/ Money order"}'),
  (6, 6, 10.0000, 10.0000, 157.5000, 157.5000, 'checkmo', '{"method_title":"Check \\/ Money order"}');
