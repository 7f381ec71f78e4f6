-- Acting officials (Plt/Plh) appointed on the leave page (/pegawai/cuti) by the head of office, the secretary, the
-- head of general affairs or an administrator, beside the appointments IT writes into config/acting.yaml. For its days,
-- both included, the user holds the actor's role besides their own (ActingOfficials). basis: the head of office's
-- letter (Surat Perintah) that appoints them. Ended early / withdrawn as staff_leave (V86).
CREATE TABLE acting_appointment (
    id                VARCHAR(36)  PRIMARY KEY,
    username          VARCHAR(100) NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    kind              VARCHAR(3)   NOT NULL,
    first_day         DATE         NOT NULL,
    last_day          DATE         NOT NULL,
    planned_last_day  DATE         NOT NULL,
    basis             VARCHAR(300) NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_by          VARCHAR(100),
    ended_at          TIMESTAMP WITH TIME ZONE,
    withdrawn_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX acting_appointment_last_day ON acting_appointment (last_day);
