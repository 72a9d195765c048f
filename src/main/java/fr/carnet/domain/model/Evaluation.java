package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.carnet.domain.Enums.Rating;
import java.time.LocalDate;
import java.util.List;

/** A co-evaluation of a plan: a rating per objective with the worker's comment and the person's view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluation(String id, String planId, LocalDate date, List<String> participants, List<Progress> progress, String notes,
                         @JsonProperty("final") Boolean finalEvaluation) {
    /** One objective's rating in a co-evaluation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String objectiveId, Rating rating, String workerComment, String personView) {}
}
