-- Issue 16 - contacts outside consultation days (seed 000 「来訪・電話相談含め」) and employer
-- consultations (seed 002 企業・事業者の方からのご相談).
--
-- One contact is a consultation that staff log outside a consultation day, on a support case, for
-- a known client, or for an anonymous caller. requester_kind who asked, self (本人), family
-- (家族), employer (事業主・企業), other. channel how, visit (来訪), phone (電話), online
-- (オンライン), email (メール). topics the consultation record's topic codes separated by commas.
-- An employer consultation (requester_kind employer) names the employer (employer_id, else
-- employer_name_enc) and carries no employee identity (case_id and client_id NULL) unless the
-- employee consented (employee_consented 1). entered_late 1 when contacted_on is before the day
-- it was recorded (also in the audit); a future date is refused.
CREATE TABLE support_contact (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  program_id BIGINT REFERENCES program (id),
  case_id BIGINT REFERENCES support_case (id),
  client_id BIGINT REFERENCES client (id),
  requester_kind TEXT NOT NULL CHECK (requester_kind IN ('self', 'family', 'employer', 'other')),
  channel TEXT NOT NULL CHECK (channel IN ('visit', 'phone', 'online', 'email')),
  contacted_on TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes >= 1 AND minutes <= 600),
  topics TEXT NOT NULL DEFAULT '',
  summary_enc TEXT NOT NULL DEFAULT '',
  employer_id BIGINT REFERENCES employer (id),
  employer_name_enc TEXT NOT NULL DEFAULT '',
  employee_consented INTEGER NOT NULL DEFAULT 0 CHECK (employee_consented IN (0, 1)),
  entered_late INTEGER NOT NULL DEFAULT 0 CHECK (entered_late IN (0, 1)),
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX support_contact_org_idx ON support_contact (organization_id, contacted_on);
CREATE INDEX support_contact_case_idx ON support_contact (case_id);

-- The figures page reads the cases closed in a year by date.
CREATE INDEX support_case_outcome_idx ON support_case (organization_id, outcome_on);
-- The consultation records saying job_decided, by day, without reading the others.
CREATE INDEX consultation_record_outcome_idx ON consultation_record (outcome, day_id);
