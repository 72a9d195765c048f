-- Audit trail kept on the laptop, offline, and sent to the server with the next sync:
-- reads (opening a household file, printing, exporting) as well as writes. No field values here:
-- who, which device, what action on which record, when (device time; the server adds its own).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at VARCHAR(40) NOT NULL,
  worker_id VARCHAR(36),
  device_id VARCHAR(36),
  action VARCHAR(24) NOT NULL,
  record_type VARCHAR(16),
  record_id VARCHAR(36),
  detail TEXT,
  sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_sent ON audit_log(sent);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);
