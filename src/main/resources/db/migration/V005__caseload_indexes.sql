-- The caseload's order key, kept on the household: the date (yyyy-mm-dd) of its last live
-- contact, maintained by triggers on contact. The list walks household_caseload in display
-- order and stops after the rows it shows, instead of computing every household's last
-- contact and sorting them all. Not a synced field: never sent, never read by RecordRepository.

/* [jooq ignore start] */
ALTER TABLE household ADD COLUMN last_contact VARCHAR(10);

-- Recomputing one household's last contact is one seek at the end of this index.
CREATE INDEX contact_household_live_date ON contact(household_id, deleted, date);

UPDATE household SET last_contact = (SELECT max(substr(c.date, 1, 10)) FROM contact c
  WHERE c.household_id = household.id AND c.deleted = 0);

-- Matches the caseload's ORDER BY exactly (expressions included), with the live filter first.
CREATE INDEX household_caseload ON household(deleted, last_contact IS NULL, last_contact DESC, label);

-- The person-side search walks households and looks for a matching, live member.
CREATE INDEX person_household_live ON person(household_id, deleted);

CREATE TRIGGER household_last_contact_ci AFTER INSERT ON contact BEGIN
  UPDATE household SET last_contact = (SELECT max(substr(c.date, 1, 10)) FROM contact c
    WHERE c.household_id = household.id AND c.deleted = 0) WHERE id = new.household_id;
END;
CREATE TRIGGER household_last_contact_cu AFTER UPDATE OF household_id, date, deleted ON contact BEGIN
  UPDATE household SET last_contact = (SELECT max(substr(c.date, 1, 10)) FROM contact c
    WHERE c.household_id = household.id AND c.deleted = 0) WHERE id IN (old.household_id, new.household_id);
END;
CREATE TRIGGER household_last_contact_cd AFTER DELETE ON contact BEGIN
  UPDATE household SET last_contact = (SELECT max(substr(c.date, 1, 10)) FROM contact c
    WHERE c.household_id = household.id AND c.deleted = 0) WHERE id = old.household_id;
END;
-- A sync may bring a household's contacts before the household itself.
CREATE TRIGGER household_last_contact_hi AFTER INSERT ON household BEGIN
  UPDATE household SET last_contact = (SELECT max(substr(c.date, 1, 10)) FROM contact c
    WHERE c.household_id = household.id AND c.deleted = 0) WHERE rid = new.rid;
END;
/* [jooq ignore stop] */
