package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.ScreeningArea;
import fr.carnet.domain.Enums.ScreeningResult;
import java.time.LocalDate;

/** A screening observation (dépistage) for a child, by area. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Screening(String id, String personId, LocalDate date, ScreeningArea area, ScreeningResult result, String notes) {}
