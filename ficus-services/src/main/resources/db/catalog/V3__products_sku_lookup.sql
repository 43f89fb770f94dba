-- GET /V1/products/{sku} looks a product up by lower(sku) and takes the lowest magento_id. With an index on
-- lower(sku) alone, PostgreSQL has no statistics for the expression and, for the LIMIT 1, prefers walking the
-- magento_id index and filtering every row: fine for the first products, a scan of the table for the last ones
-- (measured 1.2 ms against 0.08 ms on 1,200 products). One index serves both the filter and the order.
CREATE INDEX IF NOT EXISTS products_sku_lower_id ON products (lower(sku), magento_id);
DROP INDEX IF EXISTS products_sku_lower;
