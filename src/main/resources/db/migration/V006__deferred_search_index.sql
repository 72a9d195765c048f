-- A large pull (the first sync of a caseload, a big reassignment) fills the search indexes once
-- at its end instead of row by row: while store_meta holds 'search.deferred', the triggers that
-- keep person_fts and household_fts in step do nothing, and SearchIndex.finishDeferred rebuilds
-- both from their tables and removes the mark in one transaction. The mark is written in the
-- same transaction as the rows it covers, so a crash leaves it set and the rebuild runs when the
-- store is next opened. Everything typed on the laptop keeps its indexing as before.

/* [jooq ignore start] */
DROP TRIGGER person_fts_ai;
DROP TRIGGER person_fts_ad;
DROP TRIGGER person_fts_au;
CREATE TRIGGER person_fts_ai AFTER INSERT ON person
WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE k = 'search.deferred') BEGIN
  INSERT INTO person_fts(rowid, last_name, first_name, birth_name) VALUES (new.rid, new.last_name, new.first_name, new.birth_name);
END;
CREATE TRIGGER person_fts_ad AFTER DELETE ON person
WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE k = 'search.deferred') BEGIN
  INSERT INTO person_fts(person_fts, rowid, last_name, first_name, birth_name) VALUES ('delete', old.rid, old.last_name, old.first_name, old.birth_name);
END;
CREATE TRIGGER person_fts_au AFTER UPDATE OF last_name, first_name, birth_name ON person
WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE k = 'search.deferred') BEGIN
  INSERT INTO person_fts(person_fts, rowid, last_name, first_name, birth_name) VALUES ('delete', old.rid, old.last_name, old.first_name, old.birth_name);
  INSERT INTO person_fts(rowid, last_name, first_name, birth_name) VALUES (new.rid, new.last_name, new.first_name, new.birth_name);
END;

DROP TRIGGER household_fts_ai;
DROP TRIGGER household_fts_ad;
DROP TRIGGER household_fts_au;
CREATE TRIGGER household_fts_ai AFTER INSERT ON household
WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE k = 'search.deferred') BEGIN
  INSERT INTO household_fts(rowid, label, city, postcode) VALUES (new.rid, new.label, json_extract(new.address, '$.city'), json_extract(new.address, '$.postcode'));
END;
CREATE TRIGGER household_fts_ad AFTER DELETE ON household
WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE k = 'search.deferred') BEGIN
  INSERT INTO household_fts(household_fts, rowid, label, city, postcode) VALUES ('delete', old.rid, old.label, json_extract(old.address, '$.city'), json_extract(old.address, '$.postcode'));
END;
CREATE TRIGGER household_fts_au AFTER UPDATE OF label, address ON household
WHEN NOT EXISTS (SELECT 1 FROM store_meta WHERE k = 'search.deferred') BEGIN
  INSERT INTO household_fts(household_fts, rowid, label, city, postcode) VALUES ('delete', old.rid, old.label, json_extract(old.address, '$.city'), json_extract(old.address, '$.postcode'));
  INSERT INTO household_fts(rowid, label, city, postcode) VALUES (new.rid, new.label, json_extract(new.address, '$.city'), json_extract(new.address, '$.postcode'));
END;
/* [jooq ignore stop] */

-- person_household is a prefix of person_household_live (household_id, deleted), which serves
-- every query on household_id: one random-order index less to write for each pulled person.
DROP INDEX person_household;
