-- One row that every hub locks (SELECT ... FOR UPDATE) while it checks and records a leave or a Plt/Plh
-- appointment (LeaveAndActing): the checks read what is recorded in the database under the lock, so two hubs (or
-- two managers on one) cannot both record overlapping periods for the same person, even before the other hubs have
-- read the first one (they read every pintu.security.check-interval).
CREATE TABLE staff_period_lock (
    id  INT PRIMARY KEY
);
INSERT INTO staff_period_lock (id) VALUES (1);
