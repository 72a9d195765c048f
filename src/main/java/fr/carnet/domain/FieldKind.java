package fr.carnet.domain;

/** The shape of a field's value on the wire and in the store. */
public enum FieldKind {
    /** Free text. */
    TEXT,
    /** A record id (UUID string). */
    ID,
    /** A list of record ids. */
    ID_LIST,
    /** A list of free strings. */
    TEXT_LIST,
    /** One value of an enum. */
    ENUM,
    /** A list of values of an enum. */
    ENUM_LIST,
    /** A calendar date, YYYY-MM-DD. */
    DATE,
    /** A date and time with offset, ISO-8601. */
    DATETIME,
    /** A whole number ≥ 0. */
    INT,
    /** A decimal number ≥ 0. */
    DECIMAL,
    /** true or false. */
    BOOL,
    /** An address object {line1, line2, postcode, city}. */
    ADDRESS,
    /** An evaluation's list of {objectiveId, rating, workerComment, personView}. */
    PROGRESS;

    /** Whether the value is kept as a JSON document in its column. */
    public boolean storedAsJson() {
        return switch (this) {
            case ID_LIST, TEXT_LIST, ENUM_LIST, ADDRESS, PROGRESS -> true;
            default -> false;
        };
    }
}
