package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.ObjectiveStatus;
import java.time.LocalDate;

/** An objective of a plan, in one of the nine domains. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Objective(String id, String planId, InterventionDomain domain, String statement, String criteria, LocalDate targetDate,
                        ObjectiveStatus status) {}
