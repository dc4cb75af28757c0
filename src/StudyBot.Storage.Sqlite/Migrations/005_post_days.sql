-- Which days of the week a channel gets its daily question (issue 16): DayOfWeek bits, Sunday = 1,
-- Monday = 2, … Saturday = 64; 127 is every day, which every channel so far has had.
ALTER TABLE channels ADD COLUMN post_days INTEGER NOT NULL DEFAULT 127;
