-- Consultation days as the field runs them (issue 14): calls on phone and online days, the
-- hand-off to the 両立支援促進員, and walk-ins guided to another window.

-- Each call a counselor (or the 事務局) made at a booking's time on a 電話 / オンライン day.
-- 'connected' counts as the consultation taking place (the booking becomes attended);
-- 'no_answer' may be retried, and the last allowed try closes the booking as 連絡つかず.
CREATE TABLE booking_call (
  id {{id}},
  booking_id BIGINT NOT NULL REFERENCES booking (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('no_answer','connected')),
  called_by BIGINT NOT NULL REFERENCES app_user (id),
  called_at BIGINT NOT NULL
);
CREATE INDEX booking_call_booking_idx ON booking_call (booking_id, id);

-- 連絡つかず: set with status 'no_show' (closed, the place not given back), which it is told
-- apart from (無断キャンセル has no unreachable_at).
ALTER TABLE booking ADD COLUMN unreachable_at BIGINT;

-- Whether the person wishes the hand-off to the 両立支援促進員 (asked by the 相談記録), and,
-- once a coordinator started it, what it made: the client record, the consent and the
-- referral to the 産業保健総合支援センター. One row per booking, so a second start finds it.
CREATE TABLE consultation_handoff (
  booking_id BIGINT PRIMARY KEY REFERENCES booking (id),
  wished INTEGER NOT NULL DEFAULT 0,
  client_id BIGINT REFERENCES client (id),
  consent_id BIGINT REFERENCES consent (id),
  referral_id BIGINT REFERENCES referral (id),
  to_org_id BIGINT REFERENCES organization (id),
  started_by BIGINT REFERENCES app_user (id),
  started_at BIGINT,
  updated_at BIGINT NOT NULL
);

-- A person who came without booking and was guided to another window (seed 001: 適切な相談
-- 窓口への誘導). No personal data: the day, the window and who recorded it.
-- directory_entry_id: the information directory's entry, once that directory exists.
CREATE TABLE walk_in_guidance (
  id {{id}},
  day_id BIGINT NOT NULL REFERENCES consultation_day (id),
  window_name TEXT NOT NULL,
  directory_entry_id BIGINT,
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX walk_in_guidance_day_idx ON walk_in_guidance (day_id);
