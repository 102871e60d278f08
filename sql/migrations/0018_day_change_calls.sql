-- Issue 14 (point 12): the people a moved or cancelled day could not reach by e-mail (they
-- left only a telephone number) stay on the day's call list until the 事務局 marks each one
-- called, rather than appearing once on the page that made the change.
-- One row per booking: a day moved and later cancelled lists the person again, for the
-- cancellation (`change` and `listed_at` replaced, the call cleared).
CREATE TABLE day_change_call (
  booking_id BIGINT PRIMARY KEY REFERENCES booking (id),
  change TEXT NOT NULL CHECK (change IN ('cancel', 'move')),
  listed_at BIGINT NOT NULL,
  called_at BIGINT,
  called_by BIGINT REFERENCES app_user (id)
);
