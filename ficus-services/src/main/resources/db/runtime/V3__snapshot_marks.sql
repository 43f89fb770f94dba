-- How far each consumer group got with the initial snapshot: one row per topic once the group has applied everything
-- up to the sync's end-of-snapshot mark on it (a dev.ficus.snapshot.completed entry). A service is ready for
-- routing only when each of its topics has a row here; the row outlives restarts, so a restarted service is ready
-- as soon as its lag is low.
CREATE TABLE IF NOT EXISTS read_model_snapshot_marks (
    consumer_group text        NOT NULL,
    topic          text        NOT NULL,
    stream_id      text        NOT NULL,
    marked_at      timestamptz NOT NULL,
    applied_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic)
);
