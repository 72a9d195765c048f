package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A child's measurement: weight, length (before 2 years) or height, head circumference. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(String id, String personId, LocalDate date, Double weightKg, Double lengthCm, Double heightCm, Double headCm,
                          String notes) {}
