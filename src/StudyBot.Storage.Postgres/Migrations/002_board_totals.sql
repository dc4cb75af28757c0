-- Boards on a big server: the all-time board reads per-user totals kept at close (one row per user
-- and channel) instead of summing every answer; the weekly board reads a covering index.
CREATE TABLE board_totals (
    channel_id BIGINT  NOT NULL,
    user_id    BIGINT  NOT NULL,
    points     BIGINT  NOT NULL,
    correct    BIGINT  NOT NULL,
    answered   BIGINT  NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX board_totals_rank ON board_totals (channel_id, points DESC, correct DESC);

INSERT INTO board_totals (channel_id, user_id, points, correct, answered)
SELECT a.channel_id, a.user_id, SUM(a.points), COUNT(*) FILTER (WHERE a.is_correct), COUNT(*)
FROM answers a JOIN posts p ON p.id = a.post_id AND p.closed_at IS NOT NULL
GROUP BY a.channel_id, a.user_id;

-- Replaces answers_by_channel_time: the same order, plus the columns a board sums, so a week is an
-- index-only scan.
DROP INDEX answers_by_channel_time;
CREATE INDEX answers_board ON answers (channel_id, answered_at) INCLUDE (points, is_correct, post_id, user_id);
