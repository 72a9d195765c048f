-- Carnet sync server, version 1. Portable SQL: runs on SQLite and PostgreSQL.
-- All state lives here (counters, sessions, replicas, login failures), so that several stateless
-- instances can serve one PostgreSQL database.

CREATE TABLE srv_counter (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO srv_counter (name, value) VALUES ('seq', 0);
INSERT INTO srv_counter (name, value) VALUES ('replica', 0);
INSERT INTO srv_counter (name, value) VALUES ('horizon', 0);

CREATE TABLE srv_secret (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  value VARCHAR(128) NOT NULL
);

CREATE TABLE srv_sector (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  territory_id VARCHAR(36)
);

CREATE TABLE srv_worker (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  login VARCHAR(64) NOT NULL UNIQUE,
  display_name VARCHAR(200) NOT NULL,
  role VARCHAR(16) NOT NULL,
  pw_hash VARCHAR(128),
  pw_salt VARCHAR(64),
  pw_iterations INTEGER,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE srv_worker_sector (
  worker_id VARCHAR(36) NOT NULL,
  sector_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (worker_id, sector_id)
);
CREATE INDEX srv_worker_sector_sector ON srv_worker_sector(sector_id);

CREATE TABLE srv_replica (
  replica VARCHAR(16) NOT NULL PRIMARY KEY,
  device_id VARCHAR(64) NOT NULL,
  worker_id VARCHAR(36) NOT NULL,
  device_name VARCHAR(200),
  last_seq BIGINT NOT NULL DEFAULT 0,
  UNIQUE (device_id, worker_id)
);

CREATE TABLE srv_session (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  worker_id VARCHAR(36) NOT NULL,
  replica VARCHAR(16) NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE srv_login_failure (
  k VARCHAR(200) NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX srv_login_failure_k ON srv_login_failure(k, at);

-- Current state of every record; sv is its latest server version (the pull order).
CREATE TABLE srv_record (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  type VARCHAR(16) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  parent_id VARCHAR(36),
  sv BIGINT NOT NULL,
  vv VARCHAR(200) NOT NULL,
  deleted INTEGER NOT NULL,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  fields TEXT NOT NULL,
  author VARCHAR(36),
  replica VARCHAR(16),
  server_time VARCHAR(40) NOT NULL
);
CREATE UNIQUE INDEX srv_record_sv ON srv_record(sv);
CREATE INDEX srv_record_household ON srv_record(household_id, sv);

-- Scope keys of each household: its sector and referents.
CREATE TABLE srv_household (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  sector_id VARCHAR(36) NOT NULL
);
CREATE INDEX srv_household_sector ON srv_household(sector_id);

CREATE TABLE srv_referent (
  household_id VARCHAR(36) NOT NULL,
  worker_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (household_id, worker_id)
);
CREATE INDEX srv_referent_worker ON srv_referent(worker_id);

-- Every version of every record, with the dot (replica, rseq) of the write that made it.
CREATE TABLE srv_version (
  record_id VARCHAR(36) NOT NULL,
  sv BIGINT NOT NULL,
  replica VARCHAR(16),
  rseq BIGINT NOT NULL,
  deleted INTEGER NOT NULL,
  fields TEXT NOT NULL,
  PRIMARY KEY (record_id, sv)
);

-- The result of every processed (replica, seq): exactly-once and replayable.
CREATE TABLE srv_mutation (
  replica VARCHAR(16) NOT NULL,
  seq BIGINT NOT NULL,
  record_id VARCHAR(64),
  op VARCHAR(10),
  status VARCHAR(12) NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (replica, seq)
);
CREATE INDEX srv_mutation_record ON srv_mutation(replica, record_id);

CREATE TABLE srv_conflict (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  record_id VARCHAR(36) NOT NULL,
  type VARCHAR(16) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  fields TEXT NOT NULL,
  base TEXT NOT NULL,
  current_values TEXT NOT NULL,
  current_meta TEXT NOT NULL,
  status VARCHAR(10) NOT NULL,
  opened_sv BIGINT NOT NULL
);
CREATE INDEX srv_conflict_household ON srv_conflict(household_id, status);

CREATE TABLE srv_proposal (
  conflict_id VARCHAR(36) NOT NULL,
  idx INTEGER NOT NULL,
  vals TEXT NOT NULL,
  author VARCHAR(36),
  replica VARCHAR(16),
  server_time VARCHAR(40) NOT NULL,
  PRIMARY KEY (conflict_id, idx)
);

-- A household entering (grant) or leaving (evict) a worker's scope, at a position of the
-- server sequence: one pull cursor orders data and scope changes together.
CREATE TABLE srv_scope_event (
  worker_id VARCHAR(36) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  pos BIGINT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  PRIMARY KEY (worker_id, pos, household_id)
);
