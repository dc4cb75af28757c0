-- Boards on a big server: the all-time board reads per-user totals kept at close (one row per user
-- and channel) instead of summing every answer; the weekly board reads a covering index.
CREATE TABLE board_totals (
    channel_id INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    points     INTEGER NOT NULL,
    correct    INTEGER NOT NULL,
    answered   INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
) WITHOUT ROWID;
CREATE INDEX board_totals_rank ON board_totals (channel_id, points DESC, correct DESC);

INSERT INTO board_totals (channel_id, user_id, points, correct, answered)
SELECT a.channel_id, a.user_id, SUM(a.points), SUM(a.is_correct), COUNT(*)
FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
GROUP BY a.channel_id, a.user_id;

-- Replaces answers_by_channel_time: the same order, plus the columns a board sums (the key
-- post_id, user_id rides along in every index of a WITHOUT ROWID table).
DROP INDEX answers_by_channel_time;
CREATE INDEX answers_board ON answers (channel_id, answered_at, points, is_correct);
