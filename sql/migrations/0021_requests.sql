-- Issue 15: individual consultation requests from a public form (seed 002: 個別なご相談・ご依頼は
-- 依頼フォームより。当日、翌日にはお返事). The person, a family member, an employer asking about
-- an employee, or a supporter writes; the organisation replies by its deadline.

-- An organisation that takes requests on the public form, and the hour its office closes: a
-- request that comes on a business day before then is answered that day, any other the next
-- business day (holidays from data/holidays).
CREATE TABLE request_intake (
  organization_id BIGINT PRIMARY KEY REFERENCES organization (id),
  enabled INTEGER NOT NULL DEFAULT 0,
  closes_at_minutes INTEGER NOT NULL DEFAULT 1020 CHECK (closes_at_minutes BETWEEN 0 AND 1439),
  updated_at BIGINT NOT NULL
);

-- One request. Who wrote and what they wrote are encrypted (field cipher, associated data
-- "consultation_request:<reference>:<column>"); the kinds are codes for the counts.
CREATE TABLE consultation_request (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  reference TEXT NOT NULL,
  requester_kind TEXT NOT NULL
    CHECK (requester_kind IN ('self', 'family', 'employer', 'supporter', 'other')),
  condition_kind TEXT NOT NULL CHECK (condition_kind IN ('cancer', 'intractable', 'other')),
  wish TEXT NOT NULL CHECK (wish IN ('online', 'in_person', 'phone', 'information')),
  name_enc TEXT NOT NULL,
  furigana_enc TEXT NOT NULL,
  phone_enc TEXT NOT NULL,
  email_enc TEXT NOT NULL,
  message_enc TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT 'ja',
  received_at BIGINT NOT NULL,
  reply_due_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replied', 'closed')),
  replied_at BIGINT,
  replied_by BIGINT REFERENCES app_user (id),
  reply_enc TEXT NOT NULL DEFAULT '',
  closed_reason TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX consultation_request_reference_uq ON consultation_request (reference);
CREATE INDEX consultation_request_queue_idx
  ON consultation_request (organization_id, status, reply_due_at);
