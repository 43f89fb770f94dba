-- A minimal read model for the runtime's tests: the value of each entity, and a log of every write, which shows
-- whether an event was applied more than once.
CREATE TABLE probe_items (
    magento_id bigint PRIMARY KEY,
    value      text   NOT NULL
);
CREATE TABLE probe_writes (
    seq        bigserial PRIMARY KEY,
    magento_id bigint    NOT NULL,
    op         text      NOT NULL,
    value      text
);
