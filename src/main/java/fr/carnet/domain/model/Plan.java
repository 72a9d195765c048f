package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.PlanStatus;
import java.time.LocalDate;
import java.util.List;

/** An individualised support plan (PIA). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(String id, String householdId, List<String> personIds, String diagnosis, String strengths, LocalDate startDate,
                   LocalDate plannedEndDate, LocalDate agreementDate, PlanStatus status, LocalDate closedOn, String closureReason) {
    /** Whether the plan is still running past its planned end on {@code day}. */
    public boolean overdue(LocalDate day) {
        return status != PlanStatus.CLOSED && plannedEndDate != null && plannedEndDate.isBefore(day);
    }
}
