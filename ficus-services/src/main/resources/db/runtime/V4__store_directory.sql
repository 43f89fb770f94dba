-- The shop's store views as the last store_directory event said (per consumer group, like the version guard that
-- orders those events): what a store code in /rest/<code>/V1/... means. is_default marks the default store view of
-- the default website, the store of /rest/V1/... paths.
CREATE TABLE IF NOT EXISTS read_model_store_views (
    consumer_group text    NOT NULL,
    code           text    NOT NULL,
    store_id       bigint  NOT NULL,
    website_id     bigint  NOT NULL,
    is_default     boolean NOT NULL,
    PRIMARY KEY (consumer_group, code)
);
