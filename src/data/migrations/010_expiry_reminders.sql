-- Certificate expiry reminders (issue 23).

-- The conversations a citizen confirmed a login in (past the SMS code), one per channel: the
-- language of the latest tells a reminder's language, and where the channel lets the bot write
-- later (a Teams chat), its conversation reference (where the chat is, never what was said in it)
-- lets a reminder go there too. Purged with the other records once old (retention.ts).
CREATE TABLE citizen_conversations (
  citizen_id bigint NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  channel text NOT NULL,
  locale text NOT NULL,
  reference jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (citizen_id, channel)
);

-- One row per certificate and threshold (days before expiry) a reminder went out for: the primary
-- key is the once-only rule, across restarts and instances.
CREATE TABLE expiry_reminders (
  certificate_serial text NOT NULL REFERENCES certificates (serial) ON DELETE CASCADE,
  threshold_days integer NOT NULL CHECK (threshold_days > 0),
  days_left integer NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (certificate_serial, threshold_days)
);

-- The text messages and Teams messages of a reminder (its e-mail goes through mail_outbox), each
-- delivered by one worker at a time (a lease) and retried with growing pauses. What they say is
-- written when they go out, from the certificate and the citizen as they are then: no phone
-- number, address or text is kept here.
CREATE TABLE expiry_reminder_deliveries (
  certificate_serial text NOT NULL,
  threshold_days integer NOT NULL,
  channel text NOT NULL CHECK (channel IN ('sms', 'teams')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  lease text,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text,
  PRIMARY KEY (certificate_serial, threshold_days, channel),
  FOREIGN KEY (certificate_serial, threshold_days) REFERENCES expiry_reminders ON DELETE CASCADE
);
CREATE INDEX expiry_reminder_deliveries_due ON expiry_reminder_deliveries (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
