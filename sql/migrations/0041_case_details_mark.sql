-- A case keeps a mark that every change of its staff or tasks moves (issue 17, point 7): the
-- case page reads the staff, the organisation's case workers and the tasks again only when the
-- mark moved (or when what it kept is a minute old), instead of on every view.
--   details_mark: grows by one with every case_staff or case_task row added, changed or
--   removed; never goes down.
-- Triggers keep it, so no writer can forget it (cases, the demo, erasure, a clock job's
-- reminder, a statement run by hand).
ALTER TABLE support_case ADD COLUMN details_mark BIGINT NOT NULL DEFAULT 0;

-- @engine sqlite
-- @block
CREATE TRIGGER case_staff_marked_added AFTER INSERT ON case_staff
BEGIN
  UPDATE support_case SET details_mark = details_mark + 1 WHERE id = NEW.case_id;
END
-- @end
-- @block
CREATE TRIGGER case_staff_marked_changed AFTER UPDATE ON case_staff
BEGIN
  UPDATE support_case SET details_mark = details_mark + 1
    WHERE id = NEW.case_id OR id = OLD.case_id;
END
-- @end
-- @block
CREATE TRIGGER case_staff_marked_removed AFTER DELETE ON case_staff
BEGIN
  UPDATE support_case SET details_mark = details_mark + 1 WHERE id = OLD.case_id;
END
-- @end
-- @block
CREATE TRIGGER case_task_marked_added AFTER INSERT ON case_task
BEGIN
  UPDATE support_case SET details_mark = details_mark + 1 WHERE id = NEW.case_id;
END
-- @end
-- @block
CREATE TRIGGER case_task_marked_changed AFTER UPDATE ON case_task
BEGIN
  UPDATE support_case SET details_mark = details_mark + 1
    WHERE id = NEW.case_id OR id = OLD.case_id;
END
-- @end
-- @block
CREATE TRIGGER case_task_marked_removed AFTER DELETE ON case_task
BEGIN
  UPDATE support_case SET details_mark = details_mark + 1 WHERE id = OLD.case_id;
END
-- @end
-- @engine postgresql
-- @block
CREATE FUNCTION case_details_marked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE support_case SET details_mark = details_mark + 1 WHERE id = NEW.case_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE support_case SET details_mark = details_mark + 1 WHERE id = OLD.case_id;
  ELSE
    UPDATE support_case SET details_mark = details_mark + 1
      WHERE id = NEW.case_id OR id = OLD.case_id;
  END IF;
  RETURN NULL;
END $$
-- @end
CREATE TRIGGER case_staff_marked AFTER INSERT OR UPDATE OR DELETE ON case_staff
FOR EACH ROW EXECUTE FUNCTION case_details_marked();
CREATE TRIGGER case_task_marked AFTER INSERT OR UPDATE OR DELETE ON case_task
FOR EACH ROW EXECUTE FUNCTION case_details_marked();
-- @engine all
