-- A queued mail is kept sealed (AES-256-GCM under a key derived from PINPUK_MASTER_KEY) until it is
-- sent: its recipient, subject and body (which may hold a link) are in `sealed`, and the plain
-- columns stay empty. Rows queued before this migration are sealed by the app at its next start
-- (the key is not known here); until then, and for them only, `sealed` is NULL.
ALTER TABLE mail_outbox ADD COLUMN sealed bytea;
