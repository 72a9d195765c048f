-- Laptop-side sync state, version 2.
-- sync_shadow: the last server state of a record that has unpushed local changes (the base
-- that pulled changes are rebased on, and what a rejected change falls back to).
CREATE TABLE sync_shadow (
  record_type VARCHAR(16) NOT NULL,
  record_id VARCHAR(36) NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (record_type, record_id)
);

-- The open conflicts of the records this laptop holds, as the server last listed them.
CREATE TABLE sync_conflict (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  record_type VARCHAR(16) NOT NULL,
  record_id VARCHAR(36) NOT NULL,
  body TEXT NOT NULL
);

-- Fields that a sync merged automatically from another worker's concurrent change.
CREATE TABLE sync_merge_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  logged_at VARCHAR(40) NOT NULL,
  record_type VARCHAR(16) NOT NULL,
  record_id VARCHAR(36) NOT NULL,
  fields TEXT NOT NULL,
  author VARCHAR(36),
  server_time VARCHAR(40)
);
