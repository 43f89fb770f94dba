-- The answer rendered from the record when the event was applied (EntityTable): a read takes these bytes as they are.
-- renderer: the version of the rendering that wrote them; rows without one are rendered at the service's start.
ALTER TABLE stock_items ADD COLUMN IF NOT EXISTS answer bytea;
ALTER TABLE stock_items ADD COLUMN IF NOT EXISTS renderer integer;
