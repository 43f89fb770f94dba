-- The customer service's read model: one row per customer, its addresses inside the record.
CREATE TABLE IF NOT EXISTS customers (
    id         uuid        PRIMARY KEY,
    magento_id bigint      NOT NULL UNIQUE,
    email      text,
    website_id bigint,
    created_at timestamptz,
    updated_at timestamptz,
    -- the sync's record: customer_entity's columns (no password hash or reset token) and addresses[]
    record     jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS customers_email_lower ON customers (lower(email));
