-- The reviews-due gauge (issue 15) without counting millions of cards: how many live (not retired)
-- cards fall due in each UTC hour, kept by triggers in the transaction of every card write, whatever
-- writes it. The count due at a time is the sum of the whole hours before it plus the cards of the
-- current hour up to it, read from the index on due alone. Hours are due / 3,600,000 (dues are after 1970).
CREATE TABLE review_due_hours (
    hour  INTEGER PRIMARY KEY,
    cards INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX review_cards_all_due ON review_cards (due) WHERE retired = 0;

INSERT INTO review_due_hours (hour, cards)
SELECT due / 3600000, COUNT(*) FROM review_cards WHERE retired = 0 GROUP BY due / 3600000;

-- "WHERE true" lets SQLite parse an upsert fed by a SELECT. Emptied hours are deleted, so the table
-- holds only hours that still have cards.
CREATE TRIGGER review_due_hours_insert AFTER INSERT ON review_cards WHEN NEW.retired = 0
BEGIN
    INSERT INTO review_due_hours (hour, cards) VALUES (NEW.due / 3600000, 1)
    ON CONFLICT (hour) DO UPDATE SET cards = cards + 1;
END;

CREATE TRIGGER review_due_hours_delete AFTER DELETE ON review_cards WHEN OLD.retired = 0
BEGIN
    UPDATE review_due_hours SET cards = cards - 1 WHERE hour = OLD.due / 3600000;
    DELETE FROM review_due_hours WHERE hour = OLD.due / 3600000 AND cards = 0;
END;

CREATE TRIGGER review_due_hours_update AFTER UPDATE OF due, retired ON review_cards
WHEN (OLD.retired = 0) <> (NEW.retired = 0) OR (NEW.retired = 0 AND OLD.due / 3600000 <> NEW.due / 3600000)
BEGIN
    UPDATE review_due_hours SET cards = cards - 1 WHERE OLD.retired = 0 AND hour = OLD.due / 3600000;
    DELETE FROM review_due_hours WHERE OLD.retired = 0 AND hour = OLD.due / 3600000 AND cards = 0;
    INSERT INTO review_due_hours (hour, cards) SELECT NEW.due / 3600000, 1 WHERE NEW.retired = 0
    ON CONFLICT (hour) DO UPDATE SET cards = cards + 1;
END;
