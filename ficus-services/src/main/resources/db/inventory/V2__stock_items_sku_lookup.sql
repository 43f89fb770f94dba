-- The same lookup as the catalog's (lower(sku), lowest product_id, LIMIT 1), and the same plan trap: with an index on
-- lower(sku) alone the planner may walk the product_id order and filter every row. One index serves both.
CREATE INDEX IF NOT EXISTS stock_items_sku_lower_id ON stock_items (lower(sku), product_id);
DROP INDEX IF EXISTS stock_items_sku_lower;
