-- The remaining İşlemler (SPEC §1.9): Sertifikamı İptal Et's reasons, Bilgi Güncelle's e-mail
-- links and Kilit Çözme's unlock codes. Plain PostgreSQL, as 001: runs on PGlite and on a server.

-- Why a certificate was revoked; "diğer" (other) comes with the citizen's own short words.
ALTER TABLE certificates ADD CONSTRAINT certificates_revocation_reason
  CHECK (revocation_reason IS NULL OR revocation_reason IN ('lost-or-stolen', 'details-changed', 'key-compromise', 'other'));
ALTER TABLE certificates ADD COLUMN revocation_note text CHECK (char_length(revocation_note) <= 200);

-- When the citizen changed these with Bilgi Güncelle; a seed import then leaves them as they are.
ALTER TABLE citizens ADD COLUMN email_changed_at timestamptz;
ALTER TABLE citizens ADD COLUMN phone_changed_at timestamptz;

-- A new e-mail address waits here until the link mailed to it is opened and confirmed.
-- The same rules as reset_links: only the token's hash, 30 minutes, single use, newest wins.
CREATE TABLE email_change_links (
  id bigserial PRIMARY KEY,
  citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  new_email text NOT NULL,
  locale text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  superseded_at timestamptz
);
CREATE INDEX email_change_links_citizen_created ON email_change_links (citizen_id, created_at);

-- Kilit Çözme: one code per card (asking again replaces it), kept only as a keyed hash bound to
-- the card serial.
CREATE TABLE unlock_codes (
  card_serial text PRIMARY KEY REFERENCES cards (serial) ON DELETE CASCADE,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX unlock_codes_expires ON unlock_codes (expires_at);
