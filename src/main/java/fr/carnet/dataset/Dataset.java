package fr.carnet.dataset;

import fr.carnet.domain.RecordType;
import java.util.List;

/** An organisation and its records, parents before children. */
public record Dataset(Organisation organisation, List<DatasetRecord> records) {
    public long count(RecordType t) {
        return records.stream().filter(r -> r.type() == t).count();
    }
}
