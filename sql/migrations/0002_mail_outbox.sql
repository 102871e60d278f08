-- Mail outbox. A message is inserted in the same transaction as the change that causes it and
-- sent later by the outbox worker with retries, so nothing is lost when SMTP is down.
-- recipient, subject, body and attachments hold FieldCipher ciphertexts (they may carry personal
-- data and invitation links); body and attachments are blanked once the message is sent.
-- kind is a non-personal label for operators, e.g. 'invitation'.
-- Times are Unix seconds. Never put a colon in this file outside a string.

CREATE TABLE mail_outbox (
  id {{id}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  failed_at BIGINT
);

CREATE INDEX mail_outbox_due_idx ON mail_outbox (sent_at, next_attempt_at);
