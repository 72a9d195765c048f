package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.AidDecision;
import java.time.LocalDate;

/** An aid request (demande d'aide facultative) with its amount in cents and its decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Aid(String id, String householdId, String kind, Long amountCents, LocalDate requestedOn, AidDecision decision,
                  LocalDate decidedOn) {}
