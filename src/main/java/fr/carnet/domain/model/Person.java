package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.Sex;
import java.time.LocalDate;
import java.time.Period;

/** A person (usager) of a household. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(String id, String householdId, String lastName, String firstName, String birthName, LocalDate birthDate,
                     Sex sex, Relationship relationship, String phone, String email, LocalDate consentDate) {
    /** Whether the person is under six on {@code day} (the child follow-up's age range). */
    public boolean under6(LocalDate day) {
        return birthDate != null && !birthDate.isAfter(day) && Period.between(birthDate, day).getYears() < 6;
    }
}
