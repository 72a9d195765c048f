-- The server's audit trail: what laptops recorded offline (opening a file, printing, exporting,
-- every change) with who, which device and the server's own time of receipt. No field values.
CREATE TABLE srv_audit (
  replica VARCHAR(16) NOT NULL,
  local_seq BIGINT NOT NULL,
  worker_id VARCHAR(64) NOT NULL,
  device_time VARCHAR(40),
  server_time VARCHAR(40) NOT NULL,
  action VARCHAR(24) NOT NULL,
  record_type VARCHAR(16),
  record_id VARCHAR(64),
  detail VARCHAR(400),
  PRIMARY KEY (replica, local_seq)
);
CREATE INDEX srv_audit_worker ON srv_audit(worker_id, server_time);
CREATE INDEX srv_audit_record ON srv_audit(record_id);
