package fr.carnet.domain;

/** The closed vocabularies of SYNC.md, as enums whose names are the wire values. */
public final class Enums {
    private Enums() {}

    public enum Sex { F, M, X }

    public enum Relationship { APPLICANT, PARTNER, CHILD, OTHER }

    /** How a contact (entretien) took place. */
    public enum ContactMode { RECEPTION, PHONE, EMAIL, HOME_VISIT, OUTREACH, LETTER }

    /** The nature of the request behind a contact. */
    public enum RequestType { RIGHTS_ACCESS, OPTIONAL_AID, INFORMATION, ORIENTATION, EMERGENCY }

    /** The nine domains of intervention. */
    public enum InterventionDomain {
        HEALTH, HOUSING, SOCIAL_RELATIONS, EMPLOYMENT, ECONOMIC_AUTONOMY, FAMILY_RELATIONS,
        CHILD_EDUCATION, COLLECTIVE_LIFE, EMANCIPATION
    }

    public enum VisitStatus { PLANNED, DONE, CANCELLED, ABSENT }

    public enum PlanStatus { DRAFT, ACTIVE, CLOSED }

    public enum ObjectiveStatus { OPEN, MET, PARTLY_MET, NOT_MET, DROPPED }

    /** Who carries an action of a plan. */
    public enum ActionWho { PERSON, WORKER, PARTNER }

    /** A co-evaluation's rating of one objective. */
    public enum Rating { NOT_MET, PARTLY_MET, MET }

    public enum ScreeningArea { VISION, HEARING, LANGUAGE, MOTOR, SLEEP, FEEDING, BEHAVIOUR }

    public enum ScreeningResult { NORMAL, TO_WATCH, REFER }

    public enum AidDecision { PENDING, GRANTED, REFUSED }

    /** Roles on the wire. */
    public enum Role {
        AS, CESF, SMS, PUERICULTRICE, EDUCATEUR, SUPERVISOR, ADMIN;

        /** Whether this role may read confidential fields and plan, child and aid records. */
        public boolean readsConfidential() {
            return this != SMS && this != ADMIN;
        }

        /** Whether this role holds case data at all. */
        public boolean holdsCaseData() {
            return this != ADMIN;
        }
    }

    /** Where a local record stands with the server. */
    public enum SyncState { PENDING, SYNCED, CONFLICT }
}
