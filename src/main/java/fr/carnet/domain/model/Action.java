package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.ActionWho;
import java.time.LocalDate;

/** An action of a plan: who does what (the person, the worker, a partner). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String id, String planId, String objectiveId, ActionWho who, String partner, String description,
                     LocalDate dueDate, Boolean done) {}
