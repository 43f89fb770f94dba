-- The order service's read model: one row per order, its items and addresses inside the record.
CREATE TABLE IF NOT EXISTS orders (
    id           uuid        PRIMARY KEY,
    magento_id   bigint      NOT NULL UNIQUE,
    increment_id text,
    customer_id  bigint,
    store_id     bigint,
    created_at   timestamptz,
    updated_at   timestamptz,
    -- the sync's record: sales_order's columns, items[] and addresses[]
    record       jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_customer_id ON orders (customer_id);
CREATE INDEX IF NOT EXISTS orders_created_at ON orders (created_at);
