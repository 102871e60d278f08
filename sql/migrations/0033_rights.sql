-- Issue 17 point 5 - the person's data rights (APPI 第33条〜第35条): disclosure (開示),
-- correction (訂正), stopping use (利用停止) and erasure (消去) of what one organisation holds
-- about one person.
--
-- client.use_stopped_at: the organisation stopped using the person's data (利用停止); no new
-- booking taken by staff, record, provision or link for them until it is lifted (NULL again).
-- client.anonymised_at / booking.anonymised_at: the personal fields were replaced with empty
-- sealed text (消去); codes that the yearly figures count stay.
ALTER TABLE client ADD COLUMN use_stopped_at BIGINT;
ALTER TABLE client ADD COLUMN anonymised_at BIGINT;
ALTER TABLE booking ADD COLUMN anonymised_at BIGINT;

-- Keyed blind indexes (purpose "rights.stop") of a stopped person's phone, e-mail and
-- name + ふりがな: a booking typed in by staff for the same person is refused while the stop
-- lasts. Removed when the stop is lifted or the person is erased.
CREATE TABLE use_stop_key (
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  client_id BIGINT NOT NULL REFERENCES client (id),
  digest TEXT NOT NULL,
  PRIMARY KEY (organization_id, digest, client_id)
);

-- The rights requests log of one organisation: 請求の受付日 (received_on), kind, who asked
-- (the person or an agent), state and the answer date; the answer is expected within two
-- weeks. client_id is NULL for a person known only from bookings or registrations.
CREATE TABLE rights_request (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  client_id BIGINT REFERENCES client (id),
  kind TEXT NOT NULL CHECK (kind IN ('disclosure', 'correction', 'stop', 'erasure')),
  requester TEXT NOT NULL CHECK (requester IN ('self', 'agent')),
  received_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('received', 'answered', 'refused')),
  answered_on TEXT NOT NULL DEFAULT '',
  note_enc TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX rights_request_org_idx ON rights_request (organization_id, state, received_on);
