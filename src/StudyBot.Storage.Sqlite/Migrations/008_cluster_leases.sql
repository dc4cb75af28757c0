-- Named leases shared by the nodes of a cluster (issue 14): node presence (node:<id>), Discord shards
-- (discord-shard:<n>) and identify slots, Slack envelopes judged once. A row is the holder's until
-- expires_at (UTC milliseconds); taking a lease is one upsert that only overwrites an expired row or
-- the holder's own. Transient: `studybot storage copy` leaves this table out.
CREATE TABLE cluster_leases (
    name       TEXT    PRIMARY KEY,
    holder     TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX cluster_leases_expiry ON cluster_leases (expires_at);
