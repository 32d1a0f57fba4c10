-- Refused submissions of a reset link's page: past 5 the link is void, so its page cannot be
-- used to test guesses of the current security word (issue 18, item 12).
ALTER TABLE reset_links ADD COLUMN refusals integer NOT NULL DEFAULT 0 CHECK (refusals >= 0);
