-- The dashboard's SLA sample (the last 5,000 completed steps), the weekly report's count of completed steps and the
-- SOP evaluation (steps completed between two dates) read completed tasks by completion time. Without an index
-- each read walked every task row: 7.5 s for 2 million rows on H2 (a shared deployment's few years), on every
-- dashboard load. With it the sample reads 5,000 index entries in order, newest first (22 ms there), and the
-- week one index range. It costs one index entry per task entered and one move of it per completion.
CREATE INDEX task_completed ON task (status, completed_at DESC);
