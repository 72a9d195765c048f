-- RGPD purge (right to erasure, retention). What remains of a purged record is its type and id,
-- the household it was under (to tell every laptop that held it) and the position of the purge
-- in the server sequence. Field values, versions, conflicts and stored push results are erased.
-- The laptops learn of a purge through srv_scope_event rows of kind 'purge' at that position.
CREATE TABLE srv_tombstone (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  type VARCHAR(16) NOT NULL,
  household_id VARCHAR(36) NOT NULL,
  pos BIGINT NOT NULL,
  purged_at VARCHAR(40) NOT NULL
);
CREATE INDEX srv_tombstone_household ON srv_tombstone(household_id, pos);

-- Retention: closed household files inactive for this many years are purged by
-- `server-admin retention` (a setting, changed with `server-admin retention-years N`).
INSERT INTO srv_counter (name, value) VALUES ('retention_years', 5);

-- A purge finds the stored push results of a record (and who pushed to it) by record id alone.
CREATE INDEX srv_mutation_record_id ON srv_mutation(record_id);
