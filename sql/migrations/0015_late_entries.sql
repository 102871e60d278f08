-- Consultations entered after the day (issue 14): a walk-in or a phone consultation recorded
-- later by the 事務局, and a past year's paper 受付表 imported from CSV or xlsx.

-- How the consultation itself was held (in_person, phone, online); '' for bookings made
-- before this column, which were held the way their day was (consultation_day.mode).
ALTER TABLE booking ADD COLUMN consult_mode TEXT NOT NULL DEFAULT '';
-- 1 when the 事務局 entered the consultation after its day (事後入力, also in the audit).
ALTER TABLE booking ADD COLUMN entered_late INTEGER NOT NULL DEFAULT 0;

-- 相談員数 of a day written on paper, for imported days without a roster; the report uses the
-- roster when there is one.
ALTER TABLE consultation_day ADD COLUMN staff_count INTEGER;

-- One imported file: the hash of its rows as read (not of its bytes), so the same 受付表
-- saved again, or as xlsx instead of CSV, is recognised and never counted twice.
CREATE TABLE consultation_import (
  id {{id}},
  program_id BIGINT NOT NULL REFERENCES program (id),
  content_hash TEXT NOT NULL,
  consultations INTEGER NOT NULL,
  days_created INTEGER NOT NULL,
  created_by BIGINT REFERENCES app_user (id),
  created_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX consultation_import_hash_uq ON consultation_import (program_id, content_hash);

ALTER TABLE booking ADD COLUMN import_id BIGINT REFERENCES consultation_import (id);
