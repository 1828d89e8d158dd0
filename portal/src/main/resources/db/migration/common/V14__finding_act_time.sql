-- The time of the act a finding is about (ActTime: actual, else deadline, else the block time of its first proven
-- event), for the dashboard's month chart, date column and sorting (issue 16 items 3 and 12). Filled on every
-- evaluation. Each clinic's evaluation mark gets a prefix (its "block:n|bundle:x" parts unchanged) so that the next
-- chain evaluation sees new inputs and refreshes every current finding; findings no longer current keep null and
-- fall back to first_seen on the dashboard.
ALTER TABLE compliance_finding ADD COLUMN act_time TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX compliance_finding_act_time ON compliance_finding (act_time);
UPDATE compliance_evaluation SET input_mark = 'v14:' || input_mark;
