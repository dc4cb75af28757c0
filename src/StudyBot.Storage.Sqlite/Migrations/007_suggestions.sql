-- Member-written questions (issue 16, /suggest): one row per suggestion, in its channel's review queue
-- while status = 'pending'. The author is kept as the platform knows them (no users row: writing a
-- question is not answering one). The draft columns are the form's fields as typed, so an edit shows
-- the member's own words; the core rebuilds the question from them with the pack rules.
CREATE TABLE suggestions (
    id                INTEGER PRIMARY KEY,
    channel_id        INTEGER NOT NULL REFERENCES channels (id),
    author_platform   TEXT    NOT NULL,
    author_id         TEXT    NOT NULL,
    author_name       TEXT    NOT NULL,
    prompt            TEXT    NOT NULL,
    choices           TEXT    NOT NULL,
    answer            TEXT    NOT NULL,
    explanation       TEXT    NOT NULL,
    topic             TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at        INTEGER NOT NULL,
    -- Set once, by the one conditional update (WHERE status = 'pending') that decides it.
    reviewed_by       TEXT    NULL,
    reviewed_at       INTEGER NULL,
    review_channel_id TEXT    NULL,
    review_message_id TEXT    NULL
);
CREATE INDEX suggestions_queue ON suggestions (channel_id, status, id);

-- Where a channel's suggestions are posted for review (/study reviewers); no row means "ask with /study suggestions".
CREATE TABLE suggestion_reviewers (
    channel_id          INTEGER PRIMARY KEY REFERENCES channels (id),
    reviewer_channel_id TEXT    NOT NULL
);
