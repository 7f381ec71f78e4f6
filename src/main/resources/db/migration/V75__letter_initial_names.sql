-- Who initialled, as the users file named them when the initial was recorded: a letter sealed after an official who
-- initialled it left the office, or changed post, still shows the name and post they initialled with. Rows recorded
-- before these columns existed keep them null; their initialler is looked up in the users file, as before.
ALTER TABLE letter_initial ADD COLUMN initialler_name VARCHAR(254);
ALTER TABLE letter_initial ADD COLUMN initialler_position VARCHAR(254);
