package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.RequestType;
import java.time.OffsetDateTime;
import java.util.List;

/** A contact (entretien) with the household. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(String id, String householdId, List<String> personIds, OffsetDateTime date, Integer durationMinutes,
                      ContactMode mode, RequestType request, List<InterventionDomain> domains, String summary, String outcome,
                      String orientedTo) {}
