-- Staff leave (cuti, dinas luar) recorded on the leave page (/pegawai/cuti) by the head of office, the secretary, the
-- head of general affairs (Ksb. Umum) or an administrator, beside the absences IT writes into config/acting.yaml. For
-- its days, both included, the user holds no role (ActingOfficials). Ended early: last_day moves to the day before
-- the user came back (planned_last_day keeps the recorded one); withdrawn before it began: withdrawn_at is set.
CREATE TABLE staff_leave (
    id                VARCHAR(36)  PRIMARY KEY,
    username          VARCHAR(100) NOT NULL,
    first_day         DATE         NOT NULL,
    last_day          DATE         NOT NULL,
    planned_last_day  DATE         NOT NULL,
    kind              VARCHAR(60)  NOT NULL,
    note              VARCHAR(300),
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_by          VARCHAR(100),
    ended_at          TIMESTAMP WITH TIME ZONE,
    withdrawn_at      TIMESTAMP WITH TIME ZONE
);
-- The leave in force and to come (last_day >= today), read by every hub once a minute
CREATE INDEX staff_leave_last_day ON staff_leave (last_day);
