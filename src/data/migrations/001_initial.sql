-- Citizens, their cards, certificates, reset links, agents and the audit log.
-- Plain PostgreSQL: the same file runs on PGlite and on a PostgreSQL server.

CREATE TABLE citizens (
  id bigserial PRIMARY KEY,
  id_type text NOT NULL CHECK (id_type IN ('tckn', 'passport')),
  national_id text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL,
  phone text NOT NULL,
  security_word_hash text,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  blocked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cards (
  serial text PRIMARY KEY,
  citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  offline_changed boolean NOT NULL DEFAULT false,
  pin_puk_deleted_at timestamptz
);
CREATE INDEX cards_citizen ON cards (citizen_id);

-- The encrypted PIN/PUK lives apart from the card: deleting this row destroys both the
-- ciphertext and its wrapped data key (crypto-shredding).
CREATE TABLE pin_puk_secrets (
  card_serial text PRIMARY KEY REFERENCES cards (serial) ON DELETE CASCADE,
  wrapped_data_key bytea NOT NULL,
  ciphertext bytea NOT NULL
);

CREATE TABLE certificates (
  serial text PRIMARY KEY,
  citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  card_serial text REFERENCES cards (serial) ON DELETE SET NULL,
  kind text NOT NULL DEFAULT 'NES',
  status text NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
  published boolean NOT NULL DEFAULT false,
  not_before date NOT NULL,
  not_after date NOT NULL,
  status_changed_at timestamptz,
  revocation_reason text
);
CREATE INDEX certificates_citizen ON certificates (citizen_id);

CREATE TABLE reset_links (
  id bigserial PRIMARY KEY,
  citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  locale text NOT NULL,
  conversation jsonb,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  superseded_at timestamptz
);
CREATE INDEX reset_links_citizen_created ON reset_links (citizen_id, created_at);

CREATE TABLE agents (
  id text PRIMARY KEY,
  name text NOT NULL,
  channel text NOT NULL,
  external_id text NOT NULL,
  UNIQUE (channel, external_id)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_hash text,
  subject_masked text,
  channel text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_subject ON audit_log (subject_hash, at);

-- Append-only: rows are never changed, and removed only by the retention job, which sets
-- audit.retention for its own transaction.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('audit.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
