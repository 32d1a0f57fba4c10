-- Failed logins for IDs that belong to nobody are counted too, so an unknown ID is answered
-- exactly like a known one (SPEC §1.5). Keyed by a keyed hash: the ID itself is not kept.
CREATE TABLE unknown_id_failures (
  subject_hash text PRIMARY KEY,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  blocked_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX unknown_id_failures_updated ON unknown_id_failures (updated_at);
