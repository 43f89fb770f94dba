-- The catalog's read model. products is the table the plan's consistency script reads (id = the platform UUID of
-- magento_id_map, updated_at = Magento's), so it lives in the default schema next to magento_id_map.
CREATE TABLE IF NOT EXISTS products (
    id               uuid        PRIMARY KEY,
    magento_id       bigint      NOT NULL UNIQUE,
    sku              text        NOT NULL,
    type_id          text,
    attribute_set_id bigint,
    created_at       timestamptz,
    updated_at       timestamptz,
    -- the sync's flattened record: entity columns, attributes (store 0), store_attributes, website_ids,
    -- category_links; the JSON answers are rendered from it
    record           jsonb       NOT NULL
);
-- Magento looks SKUs up through a case-insensitive collation
CREATE INDEX IF NOT EXISTS products_sku_lower ON products (lower(sku));
CREATE INDEX IF NOT EXISTS products_updated_at ON products (updated_at);

-- The default stock's item of each product, from migration.stock.changed: extension_attributes.stock_item.
CREATE TABLE IF NOT EXISTS catalog_stock_items (
    product_id bigint PRIMARY KEY,
    record     jsonb  NOT NULL
);
