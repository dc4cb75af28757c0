-- The reviews-due gauge (issue 15) without counting millions of cards: how many live (not retired)
-- cards fall due in each UTC hour, kept by triggers in the transaction of every card write, whatever
-- writes it. The count due at a time is the sum of the whole hours before it plus the cards of the
-- current hour up to it, read from the index on due alone. Hours are due / 3,600,000 (dues are after 1970).
CREATE TABLE review_due_hours (
    hour  BIGINT PRIMARY KEY,
    cards BIGINT NOT NULL
);
CREATE INDEX review_cards_all_due ON review_cards (due) WHERE NOT retired;

INSERT INTO review_due_hours (hour, cards)
SELECT due / 3600000, COUNT(*) FROM review_cards WHERE NOT retired GROUP BY 1;

-- Statement triggers over the transition tables: one upsert per statement however many cards it
-- writes (a retire sweep, a batch of answers), hours in ascending order so that two writers lock
-- shared hours in the same order. Emptied hours are deleted, so the table holds only hours with cards.
CREATE FUNCTION review_due_hours_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO review_due_hours (hour, cards)
        SELECT due / 3600000, COUNT(*) FROM new_cards WHERE NOT retired GROUP BY 1 ORDER BY 1
        ON CONFLICT (hour) DO UPDATE SET cards = review_due_hours.cards + excluded.cards;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO review_due_hours (hour, cards)
        SELECT hour, SUM(change) FROM (
            SELECT due / 3600000 AS hour, -1 AS change FROM old_cards WHERE NOT retired
            UNION ALL
            SELECT due / 3600000, 1 FROM new_cards WHERE NOT retired) AS changes
        GROUP BY hour HAVING SUM(change) <> 0 ORDER BY hour
        ON CONFLICT (hour) DO UPDATE SET cards = review_due_hours.cards + excluded.cards;
    ELSE
        INSERT INTO review_due_hours (hour, cards)
        SELECT due / 3600000, -COUNT(*) FROM old_cards WHERE NOT retired GROUP BY 1 ORDER BY 1
        ON CONFLICT (hour) DO UPDATE SET cards = review_due_hours.cards + excluded.cards;
    END IF;
    DELETE FROM review_due_hours WHERE cards = 0 AND hour IN (SELECT due / 3600000 FROM old_cards);
    RETURN NULL;
END
$$;

CREATE TRIGGER review_due_hours_insert AFTER INSERT ON review_cards
    REFERENCING NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION review_due_hours_apply();
CREATE TRIGGER review_due_hours_update AFTER UPDATE ON review_cards
    REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION review_due_hours_apply();
CREATE TRIGGER review_due_hours_delete AFTER DELETE ON review_cards
    REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION review_due_hours_apply();
