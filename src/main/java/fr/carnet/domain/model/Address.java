package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A postal address: where a household lives, where a visit takes place. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String line1, String line2, String postcode, String city) {}
