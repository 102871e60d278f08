-- A case keeps how many timeline entries it has and a mark that every change of its timeline
-- moves (issue 17, point 7). The case page reads both with the case's own row instead of
-- counting the entries on every view (1,000 index entries a view on a long case), and a page
-- whose timeline has not changed since it was last shown can show the entries it rendered then.
--   timeline_entries: the number of entries;
--   timeline_mark: grows by one with every entry added, changed or removed; never goes down.
-- Triggers keep both, so no writer of timeline_entry can forget them. The mark starts at the
-- sum of the entries' versions: the value the live stream compared before, so a page opened
-- before the upgrade catches up only if its timeline changed.
ALTER TABLE support_case ADD COLUMN timeline_entries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE support_case ADD COLUMN timeline_mark BIGINT NOT NULL DEFAULT 0;

UPDATE support_case SET
  timeline_entries = (SELECT COUNT(*) FROM timeline_entry t WHERE t.case_id = support_case.id),
  timeline_mark = (SELECT COALESCE(SUM(t.version), 0) FROM timeline_entry t
                   WHERE t.case_id = support_case.id);

-- Only the count and the sum of versions used it.
DROP INDEX timeline_entry_case_version_idx;

-- @engine sqlite
-- @block
CREATE TRIGGER timeline_entry_added AFTER INSERT ON timeline_entry
BEGIN
  UPDATE support_case SET timeline_entries = timeline_entries + 1,
    timeline_mark = timeline_mark + 1 WHERE id = NEW.case_id;
END
-- @end
-- @block
CREATE TRIGGER timeline_entry_changed AFTER UPDATE ON timeline_entry
BEGIN
  UPDATE support_case SET timeline_mark = timeline_mark + 1
    WHERE id = NEW.case_id OR id = OLD.case_id;
END
-- @end
-- @block
CREATE TRIGGER timeline_entry_removed AFTER DELETE ON timeline_entry
BEGIN
  UPDATE support_case SET timeline_entries = timeline_entries - 1,
    timeline_mark = timeline_mark + 1 WHERE id = OLD.case_id;
END
-- @end
-- @engine postgresql
-- @block
CREATE FUNCTION timeline_entry_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE support_case SET timeline_entries = timeline_entries + 1,
      timeline_mark = timeline_mark + 1 WHERE id = NEW.case_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE support_case SET timeline_entries = timeline_entries - 1,
      timeline_mark = timeline_mark + 1 WHERE id = OLD.case_id;
  ELSE
    UPDATE support_case SET timeline_mark = timeline_mark + 1
      WHERE id = NEW.case_id OR id = OLD.case_id;
  END IF;
  RETURN NULL;
END $$
-- @end
CREATE TRIGGER timeline_entry_counted AFTER INSERT OR UPDATE OR DELETE ON timeline_entry
FOR EACH ROW EXECUTE FUNCTION timeline_entry_counted();
-- @engine all
