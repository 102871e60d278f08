-- Issue 16 - the employment side (seed 000 求人開拓・就労決定, seed 002 就職までの伴走・定着,
-- seed 003 企業連携). The core tables every part of it shares; each part adds its own columns
-- in its own migration.
--
-- An employer (事業所) is kept by one employment-support organisation. industry is a major group
-- of 日本標準産業分類 (a letter A-T); size_band a code (1-9, 10-49, 50-299, 300-999, 1000+).
-- practices - codes separated by commas for what the employer offers to keep a person with an
-- illness at work (ryoritsu_system, short_hours, staggered_hours, telework, hospital_leave,
-- leave_by_hour, industrial_physician …). An employer is not a person: name, address and
-- practices are plain; the people to contact are encrypted (employer_contact). share_partners
-- lets the partner organisations of the owner's programmes see the employer and its openings;
-- no person's data ever travels with it.
CREATE TABLE employer (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  name TEXT NOT NULL,
  furigana TEXT NOT NULL DEFAULT '',
  industry TEXT NOT NULL DEFAULT '',
  size_band TEXT NOT NULL DEFAULT '',
  municipality TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  practices TEXT NOT NULL DEFAULT '',
  attitude_note_enc TEXT NOT NULL DEFAULT '',
  share_partners INTEGER NOT NULL DEFAULT 0 CHECK (share_partners IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  search_key TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX employer_org_idx ON employer (organization_id, status);

-- The people to contact at an employer (人事・産業保健スタッフ…), all encrypted.
CREATE TABLE employer_contact (
  id {{id}},
  employer_id BIGINT NOT NULL REFERENCES employer (id),
  name_enc TEXT NOT NULL,
  role_enc TEXT NOT NULL DEFAULT '',
  phone_enc TEXT NOT NULL DEFAULT '',
  email_enc TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  removed_at BIGINT
);
CREATE INDEX employer_contact_employer_idx ON employer_contact (employer_id);

-- 求人: an opening collected from an employer. Hours are minutes after midnight; weekly_days
-- the days a week; the four flags are what the seeds ask for (短時間・時差出勤・テレワーク・通院休暇).
-- wage_kind hourly/monthly with a band in yen. employment_type: regular (正社員), contract
-- (契約社員), part_time (パート・アルバイト), disability_quota (障害者雇用枠), dispatch (派遣),
-- other. published puts it (without the employer's contacts) on the public portal.
CREATE TABLE job_opening (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  employer_id BIGINT NOT NULL REFERENCES employer (id),
  title TEXT NOT NULL,
  duties TEXT NOT NULL DEFAULT '',
  municipality TEXT NOT NULL DEFAULT '',
  work_place TEXT NOT NULL DEFAULT '',
  start_minutes INTEGER CHECK (start_minutes IS NULL OR (start_minutes >= 0 AND start_minutes < 1440)),
  end_minutes INTEGER CHECK (end_minutes IS NULL OR (end_minutes > 0 AND end_minutes <= 1440)),
  weekly_days INTEGER CHECK (weekly_days IS NULL OR (weekly_days >= 1 AND weekly_days <= 7)),
  weekly_hours INTEGER CHECK (weekly_hours IS NULL OR (weekly_hours >= 1 AND weekly_hours <= 60)),
  hours_note TEXT NOT NULL DEFAULT '',
  short_hours INTEGER NOT NULL DEFAULT 0 CHECK (short_hours IN (0, 1)),
  staggered_hours INTEGER NOT NULL DEFAULT 0 CHECK (staggered_hours IN (0, 1)),
  telework INTEGER NOT NULL DEFAULT 0 CHECK (telework IN (0, 1)),
  hospital_leave INTEGER NOT NULL DEFAULT 0 CHECK (hospital_leave IN (0, 1)),
  wage_kind TEXT NOT NULL DEFAULT 'hourly' CHECK (wage_kind IN ('hourly', 'monthly')),
  wage_min INTEGER CHECK (wage_min IS NULL OR wage_min >= 0),
  wage_max INTEGER CHECK (wage_max IS NULL OR wage_max >= 0),
  employment_type TEXT NOT NULL CHECK (employment_type IN ('regular', 'contract', 'part_time',
    'disability_quota', 'dispatch', 'other')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  valid_until TEXT NOT NULL DEFAULT '',
  published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX job_opening_org_idx ON job_opening (organization_id, status);
CREATE INDEX job_opening_employer_idx ON job_opening (employer_id);

-- 応募: a person's application from a support case. status runs
-- applied (応募) → screening (書類選考) → interview (面接) → offered (内定) → placed (就労決定),
-- or ends declined (辞退) / rejected (不採用). disclosure is the person's own choice about telling
-- the employer of the illness: disclosed (開示), not_disclosed (非開示), undecided (未定).
-- The opening may be missing (an application found by the person themselves): then
-- employer_name_enc names the employer.
CREATE TABLE job_application (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  opening_id BIGINT REFERENCES job_opening (id),
  employer_id BIGINT REFERENCES employer (id),
  employer_name_enc TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'screening', 'interview',
    'offered', 'placed', 'declined', 'rejected')),
  disclosure TEXT NOT NULL DEFAULT 'undecided' CHECK (disclosure IN ('disclosed',
    'not_disclosed', 'undecided')),
  applied_on TEXT NOT NULL,
  notes_enc TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX job_application_case_idx ON job_application (case_id);
CREATE INDEX job_application_org_idx ON job_application (organization_id, status);

-- Each step of an application with the date it happened (entered_late when recorded after
-- that date by a coordinator).
CREATE TABLE job_application_step (
  id {{id}},
  application_id BIGINT NOT NULL REFERENCES job_application (id),
  status TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  note_enc TEXT NOT NULL DEFAULT '',
  entered_late INTEGER NOT NULL DEFAULT 0 CHECK (entered_late IN (0, 1)),
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX job_application_step_app_idx ON job_application_step (application_id, id);

-- 就労決定 (placement), 復職 (return_to_work) and 就労継続 (kept_job), recorded the same way.
-- One placement per application at most.
CREATE TABLE placement (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  case_id BIGINT NOT NULL REFERENCES support_case (id),
  kind TEXT NOT NULL CHECK (kind IN ('placement', 'return_to_work', 'kept_job')),
  application_id BIGINT REFERENCES job_application (id),
  opening_id BIGINT REFERENCES job_opening (id),
  employer_id BIGINT REFERENCES employer (id),
  employer_name_enc TEXT NOT NULL DEFAULT '',
  start_on TEXT NOT NULL,
  employment_type TEXT NOT NULL DEFAULT 'other' CHECK (employment_type IN ('regular',
    'contract', 'part_time', 'disability_quota', 'dispatch', 'other')),
  weekly_hours INTEGER CHECK (weekly_hours IS NULL OR (weekly_hours >= 1 AND weekly_hours <= 60)),
  disclosure TEXT NOT NULL DEFAULT 'undecided' CHECK (disclosure IN ('disclosed',
    'not_disclosed', 'undecided')),
  accommodations_enc TEXT NOT NULL DEFAULT '',
  entered_late INTEGER NOT NULL DEFAULT 0 CHECK (entered_late IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  recorded_by BIGINT NOT NULL REFERENCES app_user (id),
  recorded_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX placement_application_uq ON placement (application_id);
CREATE INDEX placement_case_idx ON placement (case_id);
CREATE INDEX placement_org_start_idx ON placement (organization_id, start_on);

-- 定着支援: the follow-ups a placement starts (1, 3, 6 and 12 months by default), each a task
-- for the responsible staff member until answered: continuing (継続中), transferred (配置転換),
-- on_leave (休職), resigned (退職), unreachable (連絡不通), other.
CREATE TABLE retention_check (
  id {{id}},
  placement_id BIGINT NOT NULL REFERENCES placement (id),
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  months INTEGER NOT NULL CHECK (months >= 1 AND months <= 60),
  due_on TEXT NOT NULL,
  assigned_user_id BIGINT REFERENCES app_user (id),
  answer TEXT NOT NULL DEFAULT '' CHECK (answer IN ('', 'continuing', 'transferred', 'on_leave',
    'resigned', 'unreachable', 'other')),
  answered_on TEXT NOT NULL DEFAULT '',
  note_enc TEXT NOT NULL DEFAULT '',
  answered_by BIGINT REFERENCES app_user (id),
  answered_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (placement_id, months)
);
CREATE INDEX retention_check_due_idx ON retention_check (organization_id, answer, due_on);
