-- Issue 14 (point 5): the municipality a person gives is where they live (住所地) or, for a
-- person who works in the prefecture but lives outside it, where they work (勤務地): seed 001
-- 対象者 「県内に住所又は勤務地を有する方」. Earlier bookings were all asked for 住所地.
ALTER TABLE booking ADD COLUMN municipality_kind TEXT NOT NULL DEFAULT 'residence'
  CHECK (municipality_kind IN ('residence', 'workplace'));
