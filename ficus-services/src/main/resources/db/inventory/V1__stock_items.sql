-- The inventory's read model: the default stock's item of each product, answered by SKU.
CREATE TABLE IF NOT EXISTS stock_items (
    product_id bigint PRIMARY KEY,
    sku        text   NOT NULL,
    record     jsonb  NOT NULL
);
CREATE INDEX IF NOT EXISTS stock_items_sku_lower ON stock_items (lower(sku));
