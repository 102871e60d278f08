-- Issue 17 point 5 - retention rules run by the clock. booking_years: bookings of people who
-- never became clients are anonymised this many years after their consultation day.
CREATE TABLE retention_setting (
  organization_id BIGINT PRIMARY KEY REFERENCES organization (id),
  booking_years INTEGER NOT NULL DEFAULT 3 CHECK (booking_years BETWEEN 1 AND 20),
  updated_by BIGINT REFERENCES app_user (id),
  updated_at BIGINT NOT NULL
);

-- One row per organisation, rule and day: the primary key makes each run happen once even
-- with several servers on one database.
CREATE TABLE retention_run (
  organization_id BIGINT NOT NULL REFERENCES organization (id),
  rule TEXT NOT NULL CHECK (rule IN ('booking')),
  run_on TEXT NOT NULL,
  anonymised INTEGER NOT NULL,
  ran_at BIGINT NOT NULL,
  PRIMARY KEY (organization_id, rule, run_on)
);
