-- Times are UTC milliseconds since the Unix epoch; local times ('HH:mm') go with the channel's time zone.
CREATE TABLE channels (
    id                  INTEGER PRIMARY KEY,
    platform            TEXT    NOT NULL,
    external_id         TEXT    NOT NULL,
    enabled             INTEGER NOT NULL DEFAULT 0,
    post_time           TEXT    NOT NULL DEFAULT '09:00',
    time_zone           TEXT    NOT NULL DEFAULT 'UTC',
    pack_id             TEXT    NULL,
    leaderboard_enabled INTEGER NOT NULL DEFAULT 1,
    leaderboard_day     INTEGER NOT NULL DEFAULT 0,
    leaderboard_time    TEXT    NOT NULL DEFAULT '20:00',
    UNIQUE (platform, external_id)
);

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    display_name TEXT NOT NULL,
    UNIQUE (platform, external_id)
);

-- One daily post per channel and local date: the unique key is what stops a second post.
CREATE TABLE posts (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channels (id),
    pack_id     TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    local_date  TEXT    NOT NULL,
    opens_at    INTEGER NOT NULL,
    closes_at   INTEGER NOT NULL,
    message_id  TEXT    NULL,
    closed_at   INTEGER NULL,
    UNIQUE (channel_id, local_date)
);
CREATE INDEX posts_open ON posts (closed_at) WHERE closed_at IS NULL;

-- One answer per user per post: the primary key is what stops a second answer.
CREATE TABLE answers (
    post_id     INTEGER NOT NULL REFERENCES posts (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    channel_id  INTEGER NOT NULL,
    topic_id    TEXT    NOT NULL,
    choices     TEXT    NOT NULL,
    is_correct  INTEGER NOT NULL,
    points      INTEGER NOT NULL,
    streak      INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
CREATE INDEX answers_by_channel_time ON answers (channel_id, answered_at);
CREATE INDEX answers_by_user ON answers (user_id, channel_id);

CREATE TABLE practice_answers (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    question_id TEXT    NOT NULL,
    topic_id    TEXT    NOT NULL,
    is_correct  INTEGER NOT NULL,
    answered_at INTEGER NOT NULL
);
CREATE INDEX practice_by_user ON practice_answers (user_id);
