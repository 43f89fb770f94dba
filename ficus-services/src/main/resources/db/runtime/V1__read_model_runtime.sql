-- The read-model runtime's own state, shared by the four services (rows are per consumer group).

-- The version guard: the source position of the last event applied to each entity. A delete keeps its row
-- (deleted = true), so that an update older than the delete, arriving late, cannot bring the entity back.
CREATE TABLE IF NOT EXISTS read_model_versions (
    consumer_group text        NOT NULL,
    entity_type    text        NOT NULL,
    magento_id     bigint      NOT NULL,
    src_file       text,
    src_pos        bigint,
    src_event      bigint,
    src_row        bigint,
    src_snapshot   boolean,
    src_gtid       text,
    src_ts_ms      bigint,
    deleted        boolean     NOT NULL DEFAULT false,
    applied_at     timestamptz,
    PRIMARY KEY (consumer_group, entity_type, magento_id)
);

-- Failed applies of stream entries, counted across restarts and instances; an entry reaching the configured
-- number of attempts goes to migration.dlq and its row is removed.
CREATE TABLE IF NOT EXISTS read_model_failures (
    consumer_group  text        NOT NULL,
    topic           text        NOT NULL,
    stream_id       text        NOT NULL,
    attempts        integer     NOT NULL,
    last_error      text        NOT NULL,
    first_failed_at timestamptz NOT NULL DEFAULT now(),
    last_failed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, stream_id)
);
