-- Issue 17 point 4 - Idempotency-Key on the API's POST requests.
--
-- One row per (token, key) a client sent: the fingerprint of the request (BLAKE2b of method,
-- path and body; the body itself is never stored) and, once the handler has answered, the
-- answer (status, content type, body) that a retry with the same key gets again. status 0
-- marks a request still being handled. Rows expire after 24 hours and are deleted on the next
-- keyed request (api::IdempotencyStore::Claim), by any token.
CREATE TABLE api_idempotency (
  token_id BIGINT NOT NULL REFERENCES api_token (id),
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL DEFAULT 0,
  content_type TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (token_id, idem_key)
);

CREATE INDEX api_idempotency_expires_idx ON api_idempotency (expires_at);
