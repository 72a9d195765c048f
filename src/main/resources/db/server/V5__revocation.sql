-- Revocation of a worker or a device (docs/decisions/security-002). A revoked replica answers
-- 401 REVOKED to every request, except the pushes of its one final push while the allowance is
-- open: until final_push_until (0: none), and until a push marked "final" closes it.
CREATE TABLE srv_revoked_replica (
  replica VARCHAR(16) NOT NULL PRIMARY KEY,
  reason VARCHAR(8) NOT NULL,
  revoked_at BIGINT NOT NULL,
  final_push_until BIGINT NOT NULL,
  final_push_at BIGINT
);

-- A revoked device id gets no new replica, whoever logs in on it.
CREATE TABLE srv_revoked_device (
  device_id VARCHAR(64) NOT NULL PRIMARY KEY,
  revoked_at BIGINT NOT NULL
);

-- Entries the server writes itself into srv_audit (revocations, final pushes) take their
-- local_seq from this counter, under the replica name 'server'.
INSERT INTO srv_counter (name, value) VALUES ('server_audit', 0);
