-- Versions of what boards, /stats and item analysis read, so a node may keep a read until any node
-- closes a post or renames a member: a kept read is served only while its counter is unchanged, and
-- a probe is one primary-key read, not a count over posts. Triggers bump them in the closing or
-- renaming transaction itself, so no writer can forget them and nothing commits without them.
-- The triggers are deferred to commit: a counter row is locked last and only for the commit, so a
-- batch of answers renaming members on two nodes never holds it while waiting for a user row the
-- other holds (a deadlock). Closes and renames count on rows of their own for the same reason.
CREATE TABLE read_versions (
    name    TEXT   PRIMARY KEY, -- 'closes': posts closed in any channel; 'names': display names changed
    version BIGINT NOT NULL
);
INSERT INTO read_versions (name, version) VALUES ('closes', 0), ('names', 0);

-- Posts closed per channel: a channel's boards and /stats change only then (or on a rename).
CREATE TABLE channel_closes (
    channel_id BIGINT PRIMARY KEY REFERENCES channels (id),
    closes     BIGINT NOT NULL
);

CREATE FUNCTION count_post_close() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO channel_closes (channel_id, closes) VALUES (NEW.channel_id, 1)
    ON CONFLICT (channel_id) DO UPDATE SET closes = channel_closes.closes + 1;
    UPDATE read_versions SET version = version + 1 WHERE name = 'closes';
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER posts_count_close AFTER UPDATE OF closed_at ON posts DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.closed_at IS NULL AND NEW.closed_at IS NOT NULL) EXECUTE FUNCTION count_post_close();

CREATE FUNCTION count_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE read_versions SET version = version + 1 WHERE name = 'names';
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER users_count_rename AFTER UPDATE OF display_name ON users DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION count_rename();
