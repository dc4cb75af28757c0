-- Each running node's loaded content (pack id:hash list), so a node with other content refuses to start.
-- seen_at is the server's clock, refreshed by every live node; a row not refreshed lately is a dead node's.
CREATE TABLE node_content (
    instance_id TEXT        PRIMARY KEY,
    packs       TEXT        NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
