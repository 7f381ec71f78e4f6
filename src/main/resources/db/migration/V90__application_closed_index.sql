-- The dashboard counts the cases closed this year per result, and the weekly report those closed last week: one
-- range of this index each, instead of every case ever stored. One entry per case submitted, moved once when it
-- closes.
CREATE INDEX application_closed ON application (closed_at);
