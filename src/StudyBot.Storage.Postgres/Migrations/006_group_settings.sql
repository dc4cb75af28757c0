-- The twin of the SQLite migration of the same number: discussion thread, study role ping and pin of
-- the open daily post, and who is told once about a missing permission.
ALTER TABLE channels ADD COLUMN thread_enabled BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE channels ADD COLUMN ping_group_id  TEXT    NULL;
ALTER TABLE channels ADD COLUMN pin_enabled    BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE channels ADD COLUMN admin_user_id  TEXT    NULL;
-- Bits of GroupNotices (1 thread, 2 pin).
ALTER TABLE channels ADD COLUMN notices_sent   INTEGER NOT NULL DEFAULT 0;
