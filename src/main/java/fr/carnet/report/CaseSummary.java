package fr.carnet.report;

import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.ObjectiveStatus;
import fr.carnet.domain.Enums.PlanStatus;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.growth.GrowthPoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one household's printed case summary shows, already filtered for the reader's role:
 * a field the role may not read is null here, a section it may not read is empty and
 * {@link #withheld()} is true. Built by {@link CaseSummaryLoader}, drawn by {@link CaseSummaryPdf}.
 *
 * @param householdId the household's id (for the file name; never printed in full)
 * @param label       the household's label, e.g. « Famille Lefèvre »
 * @param sector      the sector's name, or null
 * @param referents   the referent professionals' display names
 * @param printedOn   the print date
 * @param printedBy   who printed (display name)
 * @param role        the role the summary was filtered for
 * @param withheld    whether confidential content was left out for this role
 * @param children    the children under 6 with their measurements (for the growth charts)
 */
public record CaseSummary(String householdId, String label, String sector, List<String> referents, LocalDate printedOn,
                          String printedBy, Role role, boolean withheld, List<Person> persons, Situation situation,
                          Plan plan, List<TimelineEntry> timeline, List<Aid> aids, List<Child> children) {

    /** A member of the household. */
    public record Person(String lastName, String firstName, String birthName, LocalDate birthDate, Sex sex,
                         Relationship relationship) {}

    /** The household's situation; {@code notes} is null when the role may not read it. */
    public record Situation(String line1, String line2, String postcode, String city, String housing, String notes) {}

    /** The active PIA (or the latest one when none is active). */
    public record Plan(PlanStatus status, LocalDate startDate, LocalDate plannedEndDate, LocalDate agreementDate,
                       String diagnosis, String strengths, List<Objective> objectives, List<Evaluation> evaluations) {}

    /** An objective with its latest co-evaluation (rating, worker's comment and the person's own view). */
    public record Objective(String id, InterventionDomain domain, String statement, String criteria, LocalDate targetDate,
                            ObjectiveStatus status, Rating latestRating, String latestComment, String personView) {}

    /** One co-evaluation; {@code ratings} follow the plan's objectives by statement. */
    public record Evaluation(LocalDate date, List<String> participants, boolean finalEvaluation, String notes,
                             List<Progress> ratings) {}

    /** One objective's progress at one co-evaluation. */
    public record Progress(String objective, Rating rating, String workerComment, String personView) {}

    /** A contact or a visit, in one timeline; confidential texts are null when hidden. */
    public record TimelineEntry(OffsetDateTime when, Kind kind, ContactMode mode, VisitStatus visitStatus,
                                RequestType request, Integer durationMinutes, String professional, String purpose,
                                String summary, String outcome, String orientedTo) {
        /** Whether the entry is a contact (entretien) or a home visit. */
        public enum Kind { CONTACT, VISIT }
    }

    /** An aid request with its amount and decision. */
    public record Aid(String kind, Long amountCents, LocalDate requestedOn, AidDecision decision, LocalDate decidedOn) {}

    /** A child under 6 with the measurements for a growth chart. */
    public record Child(String firstName, String lastName, Sex sex, LocalDate birthDate, List<GrowthPoint> points) {}
}
