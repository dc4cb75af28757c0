-- Review reminders (issue 13): one opt-in row per member. local_time 'HH:mm' goes with time_zone (IANA);
-- next_send_at (UTC ms) is the next instant that local time comes round, kept by the core, so "who is due
-- this minute" is one range scan of review_reminders_due however many members opted in.
CREATE TABLE review_reminders (
    user_id        BIGINT  PRIMARY KEY REFERENCES users (id),
    local_time     TEXT    NOT NULL,
    time_zone      TEXT    NOT NULL,
    language       TEXT    NOT NULL DEFAULT 'en',
    enabled        BOOLEAN NOT NULL,
    next_send_at   BIGINT  NOT NULL,
    -- The member's local date ('yyyy-MM-dd') of the last reminder sent: at most one a day, even when
    -- the time is changed after that day's reminder went out.
    last_sent_date TEXT    NULL
);
-- The round pages through it by (next_send_at, user_id).
CREATE INDEX review_reminders_due ON review_reminders (next_send_at, user_id) WHERE enabled;
