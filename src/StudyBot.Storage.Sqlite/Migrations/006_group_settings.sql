-- Group study (issue 16): per-channel discussion thread, study role ping and pin of the open daily post.
-- thread_enabled defaults on: a channel that had daily questions before gets threads from its next post.
ALTER TABLE channels ADD COLUMN thread_enabled INTEGER NOT NULL DEFAULT 1;
-- The Discord role id or Slack user group id each daily post mentions; NULL: no ping.
ALTER TABLE channels ADD COLUMN ping_group_id TEXT NULL;
ALTER TABLE channels ADD COLUMN pin_enabled INTEGER NOT NULL DEFAULT 0;
-- The platform user id of the last admin who changed the channel's study settings: told once about a missing permission.
ALTER TABLE channels ADD COLUMN admin_user_id TEXT NULL;
-- Bits of GroupNotices (1 thread, 2 pin): missing-permission notices already sent, so each goes out once.
ALTER TABLE channels ADD COLUMN notices_sent INTEGER NOT NULL DEFAULT 0;
