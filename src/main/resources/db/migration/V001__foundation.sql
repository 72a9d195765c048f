-- Carnet local store, version 1.
-- Every synced table carries the sync envelope: id (UUID made where the record is created),
-- vv (version vector of the last server state held, JSON), deleted (tombstone), conflict_id and
-- conflict_fields (open conflict), sync_state (PENDING, SYNCED, CONFLICT), extra (fields this
-- version does not know, kept verbatim), author_id / server_time (from the server), updated_at.
-- Keys and indexed columns are VARCHAR: jOOQ's DDL reader treats TEXT as a CLOB.

CREATE TABLE territory (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE sector (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  territory_id VARCHAR(36) NOT NULL REFERENCES territory(id),
  name TEXT NOT NULL
);

CREATE TABLE worker (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  login VARCHAR(64) NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role VARCHAR(16) NOT NULL,
  sector_ids TEXT NOT NULL,
  fte DOUBLE NOT NULL DEFAULT 1.0,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE household (
  rid INTEGER PRIMARY KEY,
  id VARCHAR(36) NOT NULL UNIQUE,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  sector_id VARCHAR(36) NOT NULL,
  referent_ids TEXT,
  label TEXT,
  address TEXT,
  housing TEXT,
  notes TEXT
);
CREATE INDEX household_sector ON household(sector_id);

CREATE TABLE person (
  rid INTEGER PRIMARY KEY,
  id VARCHAR(36) NOT NULL UNIQUE,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  last_name TEXT,
  first_name TEXT,
  birth_name TEXT,
  birth_date VARCHAR(10),
  sex VARCHAR(1),
  relationship VARCHAR(12),
  phone TEXT,
  email TEXT,
  consent_date VARCHAR(10)
);
CREATE INDEX person_household ON person(household_id);
CREATE INDEX person_birth_date ON person(birth_date);

CREATE TABLE contact (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  person_ids TEXT,
  date VARCHAR(40),
  duration_minutes INTEGER,
  mode VARCHAR(16),
  request VARCHAR(16),
  domains TEXT,
  summary TEXT,
  outcome TEXT,
  oriented_to TEXT
);
CREATE INDEX contact_household_date ON contact(household_id, date);

CREATE TABLE visit (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  planned_at VARCHAR(40),
  address TEXT,
  purpose TEXT,
  status VARCHAR(12),
  observations TEXT,
  next_steps TEXT,
  contact_id VARCHAR(36)
);
CREATE INDEX visit_household ON visit(household_id);
CREATE INDEX visit_planned_at ON visit(planned_at);

CREATE TABLE plan (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  person_ids TEXT,
  diagnosis TEXT,
  strengths TEXT,
  start_date VARCHAR(10),
  planned_end_date VARCHAR(10),
  agreement_date VARCHAR(10),
  status VARCHAR(12),
  closed_on VARCHAR(10),
  closure_reason TEXT
);
CREATE INDEX plan_household ON plan(household_id);

CREATE TABLE objective (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  plan_id VARCHAR(36) NOT NULL,
  domain VARCHAR(20),
  statement TEXT,
  criteria TEXT,
  target_date VARCHAR(10),
  status VARCHAR(12)
);
CREATE INDEX objective_plan ON objective(plan_id);

CREATE TABLE action (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  plan_id VARCHAR(36) NOT NULL,
  objective_id VARCHAR(36),
  who VARCHAR(8),
  partner TEXT,
  description TEXT,
  due_date VARCHAR(10),
  done INTEGER
);
CREATE INDEX action_plan ON action(plan_id);

CREATE TABLE evaluation (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  plan_id VARCHAR(36) NOT NULL,
  date VARCHAR(10),
  participants TEXT,
  progress TEXT,
  notes TEXT,
  final INTEGER
);
CREATE INDEX evaluation_plan ON evaluation(plan_id);

CREATE TABLE measurement (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  person_id VARCHAR(36) NOT NULL,
  date VARCHAR(10),
  weight_kg DOUBLE,
  length_cm DOUBLE,
  height_cm DOUBLE,
  head_cm DOUBLE,
  notes TEXT
);
CREATE INDEX measurement_person ON measurement(person_id);

CREATE TABLE screening (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  person_id VARCHAR(36) NOT NULL,
  date VARCHAR(10),
  area VARCHAR(12),
  result VARCHAR(12),
  notes TEXT
);
CREATE INDEX screening_person ON screening(person_id);

CREATE TABLE aid (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  vv TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  conflict_id VARCHAR(36),
  conflict_fields TEXT,
  sync_state VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  extra TEXT,
  author_id VARCHAR(36),
  server_time VARCHAR(40),
  updated_at VARCHAR(40) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  kind TEXT,
  amount_cents BIGINT,
  requested_on VARCHAR(10),
  decision VARCHAR(12),
  decided_on VARCHAR(10)
);
CREATE INDEX aid_household ON aid(household_id);

-- The change journal (outbox): one entry per local edit, written in the same transaction as the
-- edit. seq is the device's own change counter (SYNC.md push "seq"); patch is {field: {old, new}}.
CREATE TABLE change_journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  record_type VARCHAR(16) NOT NULL,
  record_id VARCHAR(36) NOT NULL,
  op VARCHAR(10) NOT NULL,
  ctx TEXT NOT NULL,
  patch TEXT NOT NULL,
  conflict_id VARCHAR(36),
  author_id VARCHAR(36),
  device_time VARCHAR(40) NOT NULL,
  status VARCHAR(12) NOT NULL DEFAULT 'PENDING',
  result TEXT
);
CREATE INDEX change_journal_record ON change_journal(record_type, record_id);
CREATE INDEX change_journal_status ON change_journal(status);

-- Small key/value facts about this store: owner worker, device id, replica, sync cursor.
CREATE TABLE store_meta (
  k VARCHAR(64) NOT NULL PRIMARY KEY,
  v TEXT
);

/* [jooq ignore start] */
-- Accent-insensitive search ("hel" finds Hélène and Héloïse), kept in step by triggers.
CREATE VIRTUAL TABLE person_fts USING fts5(last_name, first_name, birth_name,
  content='person', content_rowid='rid', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4');
CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
  INSERT INTO person_fts(rowid, last_name, first_name, birth_name) VALUES (new.rid, new.last_name, new.first_name, new.birth_name);
END;
CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
  INSERT INTO person_fts(person_fts, rowid, last_name, first_name, birth_name) VALUES ('delete', old.rid, old.last_name, old.first_name, old.birth_name);
END;
CREATE TRIGGER person_fts_au AFTER UPDATE OF last_name, first_name, birth_name ON person BEGIN
  INSERT INTO person_fts(person_fts, rowid, last_name, first_name, birth_name) VALUES ('delete', old.rid, old.last_name, old.first_name, old.birth_name);
  INSERT INTO person_fts(rowid, last_name, first_name, birth_name) VALUES (new.rid, new.last_name, new.first_name, new.birth_name);
END;

CREATE VIRTUAL TABLE household_fts USING fts5(label, city, postcode,
  content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4');
CREATE TRIGGER household_fts_ai AFTER INSERT ON household BEGIN
  INSERT INTO household_fts(rowid, label, city, postcode) VALUES (new.rid, new.label, json_extract(new.address, '$.city'), json_extract(new.address, '$.postcode'));
END;
CREATE TRIGGER household_fts_ad AFTER DELETE ON household BEGIN
  INSERT INTO household_fts(household_fts, rowid, label, city, postcode) VALUES ('delete', old.rid, old.label, json_extract(old.address, '$.city'), json_extract(old.address, '$.postcode'));
END;
CREATE TRIGGER household_fts_au AFTER UPDATE OF label, address ON household BEGIN
  INSERT INTO household_fts(household_fts, rowid, label, city, postcode) VALUES ('delete', old.rid, old.label, json_extract(old.address, '$.city'), json_extract(old.address, '$.postcode'));
  INSERT INTO household_fts(rowid, label, city, postcode) VALUES (new.rid, new.label, json_extract(new.address, '$.city'), json_extract(new.address, '$.postcode'));
END;
/* [jooq ignore stop] */
