/**
 * The record types of SYNC.md as plain Java records, one per type, with the wire names as
 * component names. The store and the sync engine carry records generically (fields by wire name,
 * driven by {@link fr.carnet.domain.RecordType}); code that works with one type — the desk, the
 * reports, the growth follow-up — reads them through these records
 * ({@code storedRecord.as(Person.class)}). A test keeps the components and {@code RecordType}'s
 * field table identical.
 */
package fr.carnet.domain.model;
