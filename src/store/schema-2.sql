-- Exam answers are kept apart from the schedule: they are marked, and never scheduled.
ALTER TABLE answer ADD COLUMN session TEXT;
CREATE INDEX answer_by_item ON answer(officer, item);
