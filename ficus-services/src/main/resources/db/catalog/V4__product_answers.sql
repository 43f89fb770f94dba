-- Product answers rendered once, when an event is applied: GET /V1/products/{sku} ("answer", stock item included) and
-- the same product as an item of a search result ("item", no stock item), as Magento's bytes. Store 0's row is the
-- one every store view shares; a store view has a row of its own only where its answer differs (its own values,
-- option labels), so the table grows with the overrides a shop has, not with products x store views.
CREATE TABLE IF NOT EXISTS product_answers (
    product_id bigint NOT NULL,
    store_id   bigint NOT NULL,
    -- lower(sku): Magento looks SKUs up through a case-insensitive collation
    sku_key    text   NOT NULL,
    -- ProductAnswers.RENDERER at the time of rendering: rows of an older renderer are rendered again at start
    renderer   integer NOT NULL,
    answer     bytea  NOT NULL,
    item       bytea  NOT NULL,
    PRIMARY KEY (product_id, store_id)
);
-- a GET: the lowest product_id with that SKU, its store view's row before the shared one; one index walk
CREATE INDEX IF NOT EXISTS product_answers_sku ON product_answers (sku_key, product_id, store_id);
