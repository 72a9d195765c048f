package fr.carnet.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;

/** One record of a dataset: its type, id and fields by wire name. */
public record DatasetRecord(RecordType type, String id, ObjectNode fields) {}
