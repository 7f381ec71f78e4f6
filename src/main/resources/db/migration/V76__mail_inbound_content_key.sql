-- What an accepted application email said (sender, subject, text and the SHA-256 of each attachment), hashed: the
-- same email sent again (from the Sent folder, or twice by mistake) while its case is open is told its tracking code
-- instead of becoming a second case (pintu.intake.resend-window).
ALTER TABLE mail_inbound ADD COLUMN content_key VARCHAR(64);
CREATE INDEX mail_inbound_content_key ON mail_inbound (content_key, received_at);
