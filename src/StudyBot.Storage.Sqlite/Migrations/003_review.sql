-- Spaced repetition (issue 13): one FSRS card per member and question, and a log of every review.
-- Times are UTC milliseconds; state is StudyBot.Core.Review.CardState (0 New, 1 Learning, 2 Review,
-- 3 Relearning); ratings are Rating (1 Again, 2 Hard, 3 Good, 4 Easy).
CREATE TABLE review_cards (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    question_id TEXT    NOT NULL,
    pack_id     TEXT    NOT NULL,
    topic_id    TEXT    NOT NULL,
    state       INTEGER NOT NULL,
    stability   REAL    NOT NULL,
    difficulty  REAL    NOT NULL,
    due         INTEGER NOT NULL,
    last_review INTEGER NULL,
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    -- The rating of the latest review: an Again means the card is being learned again.
    last_rating INTEGER NOT NULL,
    -- 1 when the question is no longer in any loaded pack: kept for history, never shown.
    retired     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, question_id)
) WITHOUT ROWID;
-- The next due card of a member, oldest due first, and the count due now: one index range each.
CREATE INDEX review_cards_due ON review_cards (user_id, due) WHERE retired = 0;

-- One row per review, with the card as it was before, so a re-grade recomputes from that state
-- and the history can later train FSRS weights. before_* are NULL for a card's first review.
CREATE TABLE review_log (
    id                 INTEGER PRIMARY KEY,
    user_id            INTEGER NOT NULL REFERENCES users (id),
    question_id        TEXT    NOT NULL,
    rating             INTEGER NOT NULL,
    reviewed_at        INTEGER NOT NULL,
    elapsed_days       INTEGER NOT NULL,
    source             TEXT    NOT NULL CHECK (source IN ('daily', 'quiz', 'review')),
    before_state       INTEGER NOT NULL,
    before_stability   REAL    NOT NULL,
    before_difficulty  REAL    NOT NULL,
    before_due         INTEGER NOT NULL,
    before_last_review INTEGER NULL,
    before_reps        INTEGER NOT NULL,
    before_lapses      INTEGER NOT NULL,
    before_last_rating INTEGER NULL
);
-- The latest review of a card (re-grades are allowed only on it).
CREATE INDEX review_log_by_card ON review_log (user_id, question_id, id);
-- A member's recent reviews: retention over 30 days, new cards introduced today.
CREATE INDEX review_log_by_time ON review_log (user_id, reviewed_at);
