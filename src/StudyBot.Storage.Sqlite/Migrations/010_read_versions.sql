-- PostgreSQL's 010 adds the counters its nodes keep boards and /stats by (another node closes posts).
-- One process owns a SQLite file and counts its own closes and renames in memory (LocalVersions), so
-- there is nothing to add here; the file keeps the number so both providers' schemas stay in step.
SELECT 1;
