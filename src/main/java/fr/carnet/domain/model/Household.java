package fr.carnet.domain.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A household's file (dossier): its sector, referents, address and situation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Household(String id, String sectorId, List<String> referentIds, String label, Address address, String housing,
                        String notes) {}
