-- The calendar files the open tasks' due dates were last revised for (their SHA-256, as OfficeCalendar reads them).
-- A hub that starts on files that differ (edited while every hub was stopped: the SKB's cuti bersama entered before a
-- restart) revises the open tasks at its first check; until now only a change seen while it ran did, and the tasks
-- kept the old calendar's due dates. One row.
CREATE TABLE calendar_revision (
    id               INTEGER      PRIMARY KEY,
    fingerprint      VARCHAR(128) NOT NULL,
    revised_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
