-- The twin of PostgreSQL's 010. A SQLite file has one node, so nothing writes here; the table keeps the
-- schemas alike (storage copy does not copy it: it describes running nodes, not a group's history).
CREATE TABLE node_content (
    instance_id TEXT    PRIMARY KEY,
    packs       TEXT    NOT NULL,
    seen_at     INTEGER NOT NULL
);
