package fr.carnet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Dataset;
import fr.carnet.dataset.DatasetReader;
import fr.carnet.dataset.DatasetRecord;
import fr.carnet.domain.model.Person;
import fr.carnet.domain.model.Plan;
import fr.carnet.util.Json;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plain Java records and RecordType's field table describe the same fields. */
class DomainModelTest {
    @Test
    void everyTypeHasARecordWithExactlyItsWireFields() {
        for (RecordType t : RecordType.values()) {
            Set<String> components = new TreeSet<>();
            for (RecordComponent c : t.modelClass().getRecordComponents()) {
                JsonProperty p = c.getAnnotation(JsonProperty.class);
                if (p == null) p = c.getAccessor().getAnnotation(JsonProperty.class);
                String name = p != null ? p.value() : c.getName();
                if (!name.equals("id")) components.add(name);
            }
            assertThat(components).as(t.wire()).isEqualTo(new TreeSet<>(t.fields().keySet()));
        }
    }

    @Test
    void everySampleRecordReadsAsItsJavaRecordAndBackWithoutLoss() {
        Dataset ds = DatasetReader.read(Path.of(System.getProperty("carnet.sampleData", "sample-data")));
        for (DatasetRecord r : ds.records()) {
            ObjectNode n = r.fields().deepCopy();
            n.put("id", r.id());
            Object model = Json.convert(n, r.type().modelClass());
            ObjectNode back = Json.toObject(model);
            back.remove("id");
            assertThat(back.size()).as(r.type().wire() + " " + r.id()).isEqualTo(r.fields().size());
            assertThat(RecordValidator.validate(r.type(), back, LocalDate.of(2026, 11, 26))).as(r.id()).isEmpty();
        }
    }

    @Test
    void domainRecordsAnswerSimpleQuestions() {
        Person p = new Person("x", "h", "Lefèvre", "Zoé", null, LocalDate.of(2021, 5, 1), Enums.Sex.F, Enums.Relationship.CHILD,
                null, null, null);
        assertThat(p.under6(LocalDate.of(2027, 4, 30))).isTrue();
        assertThat(p.under6(LocalDate.of(2027, 5, 1))).isFalse();
        Plan plan = new Plan("p", "h", null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null,
                Enums.PlanStatus.ACTIVE, null, null);
        assertThat(plan.overdue(LocalDate.of(2026, 7, 1))).isTrue();
    }
}
