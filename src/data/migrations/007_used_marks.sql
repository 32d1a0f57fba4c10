-- Single-use marks (a used agent sign-in link, a Twilio MessageSid already handled) on the embedded
-- default, where the short-lived store lives in the process and forgets them at a restart. Keys
-- hold no secret (a link's SHA-256, a MessageSid); the daily retention job deletes expired rows.
CREATE TABLE used_marks (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX used_marks_expiry ON used_marks (expires_at);
