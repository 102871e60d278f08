-- Issue 14 (points 5 and 6) what the public booking pages tell people about a programme, and
-- until when they can book a slot there themselves.
-- office_* are the 事務局's telephone, e-mail and hours, for people who book by phone or mail
-- (seed 001 予約は電話又はメール); eligibility (県内に住所又は勤務地), what to bring and the
-- venue's access are free text shown as written.
ALTER TABLE program ADD COLUMN office_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN office_email TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN office_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN eligibility TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN what_to_bring TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN access_info TEXT NOT NULL DEFAULT '';
-- The public booking deadline of a slot 'start' (until it begins), 'hours_before' (value hours
-- before it begins) or 'day_before' (the day before, at value o'clock JST). Staff bookings are
-- not bound by it.
ALTER TABLE program ADD COLUMN booking_deadline TEXT NOT NULL DEFAULT 'start'
  CHECK (booking_deadline IN ('start', 'hours_before', 'day_before'));
ALTER TABLE program ADD COLUMN booking_deadline_value INTEGER NOT NULL DEFAULT 0;
