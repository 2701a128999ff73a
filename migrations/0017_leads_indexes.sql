-- The leads pages at 50,000 leads and 200,000 activities (bench: npm run bench -- --only leads).
-- The board shows each stage's most recently moved leads: read in that order, not sorted per stage;
-- and its count and value per stage from the index alone (value is in it), not from 50,000 rows.
CREATE INDEX idx_leads_stage_moved ON leads(stage_id, stage_changed_at DESC, id, value) WHERE deleted_at IS NULL;
-- The list's default order (last changed first), page 1 without sorting every lead.
CREATE INDEX idx_leads_updated ON leads(updated_at DESC, id) WHERE deleted_at IS NULL;
-- A lead's open follow-ups by day: its next one (every list row and card shows it) from the index alone.
CREATE INDEX idx_lead_activities_open ON lead_activities(lead_id, due_date, due_time) WHERE due_date IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL;
-- The same by day first: the leads with a follow-up past due, read as a range of days.
CREATE INDEX idx_lead_activities_open_due ON lead_activities(due_date, lead_id, due_time) WHERE due_date IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL;
