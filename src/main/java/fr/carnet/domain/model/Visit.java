package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.VisitStatus;
import java.time.OffsetDateTime;

/** A home visit (visite à domicile): planned, then done, absent or cancelled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Visit(String id, String householdId, OffsetDateTime plannedAt, Address address, String purpose, VisitStatus status,
                    String observations, String nextSteps, String contactId) {}
