-- The twin of the SQLite migration of the same number. Which days of the week a channel gets its daily
-- question: DayOfWeek bits, Sunday = 1 … Saturday = 64; 127 is every day.
ALTER TABLE channels ADD COLUMN post_days INTEGER NOT NULL DEFAULT 127;
