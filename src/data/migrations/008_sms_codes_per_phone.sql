-- SMS codes sent to one phone number per day, across logins, conversations and instances (issue 18,
-- item 13). Keyed by a keyed hash of the number: the number itself is not kept here.
CREATE TABLE sms_codes_per_phone (
  phone_hash text NOT NULL,
  day date NOT NULL,
  sent integer NOT NULL CHECK (sent >= 0),
  PRIMARY KEY (phone_hash, day)
);
CREATE INDEX sms_codes_per_phone_day ON sms_codes_per_phone (day);
