package fr.carnet.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carnet.domain.RecordType;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.Store;
import fr.carnet.store.generated.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterIT {
    static final char[] PASS = "une phrase de passe".toCharArray();
    @TempDir Path dir;

    static Path sampleData() {
        return Path.of(System.getProperty("carnet.sampleData", "sample-data"));
    }

    @Test
    void importsTheSampleDataCompletely() {
        Dataset ds = DatasetReader.read(sampleData());
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            Map<RecordType, Integer> counts = Importer.importDir(s, sampleData(), Importer.Origin.LOCAL, null);
            assertThat(counts.get(RecordType.PERSON)).isEqualTo((int) ds.count(RecordType.PERSON)).isBetween(780, 820);
            assertThat(counts.get(RecordType.HOUSEHOLD)).isBetween(250, 350);
            int persons = s.read(ctx -> ctx.fetchCount(Tables.PERSON));
            int journal = s.read(ChangeJournal::pendingCount);
            assertThat(persons).isEqualTo(counts.get(RecordType.PERSON));
            assertThat(journal).isEqualTo(ds.records().size());
            int workers = s.read(ctx -> ctx.fetchCount(Tables.WORKER));
            assertThat(workers).isEqualTo(ds.organisation().workers().size());
        }
    }

    @Test
    void sampleDataHasTheShapeTheDemoNeeds() {
        Dataset ds = DatasetReader.read(sampleData());
        assertThat(ds.organisation().workers()).extracting(w -> w.login())
                .contains("as.martin", "as.bernard", "sms.garcia", "cesf.petit", "pue.robert", "chef.leroy", "admin");
        for (var sector : ds.organisation().sectors()) {
            long households = ds.records().stream().filter(r -> r.type() == RecordType.HOUSEHOLD)
                    .filter(r -> r.fields().get("sectorId").asText().equals(sector.id())).count();
            assertThat(households).as(sector.name()).isGreaterThanOrEqualTo(50);
        }
        assertThat(ds.count(RecordType.PLAN)).isBetween(45L, 80L);
        assertThat(ds.count(RecordType.MEASUREMENT)).isGreaterThan(500);
        for (String mode : List.of("RECEPTION", "PHONE", "EMAIL", "HOME_VISIT", "OUTREACH", "LETTER"))
            assertThat(ds.records().stream().anyMatch(r -> r.type() == RecordType.CONTACT && r.fields().get("mode").asText().equals(mode)))
                    .as(mode).isTrue();
    }

    @Test
    void theGeneratorIsDeterministic() throws Exception {
        Dataset a = new SampleGenerator(7, 300, SampleGenerator.DEFAULT_TODAY).generate();
        Dataset b = new SampleGenerator(7, 300, SampleGenerator.DEFAULT_TODAY).generate();
        assertThat(a.records()).isEqualTo(b.records());
        SampleGenerator.write(a, dir.resolve("a"));
        Dataset read = DatasetReader.read(dir.resolve("a"));
        assertThat(read.records()).hasSameSizeAs(a.records());
        assertThat(read.count(RecordType.PERSON)).isBetween(300L, 304L);
    }

    @Test
    void badInputIsReportedByFileLineAndFieldAndNothingIsImported() throws Exception {
        Path data = dir.resolve("bad");
        SampleGenerator.write(new SampleGenerator(3, 40, SampleGenerator.DEFAULT_TODAY).generate(), data);
        List<String> persons = Files.readAllLines(data.resolve("person.jsonl"));
        List<String> lines = new java.util.ArrayList<>(persons);
        lines.set(1, lines.get(1).replace("\"sex\":\"F\"", "\"sex\":\"Q\"").replace("\"sex\":\"M\"", "\"sex\":\"Q\""));
        lines.set(2, lines.get(2).replaceFirst("\"birthDate\":\"[0-9-]+\"", "\"birthDate\":\"2021-02-30\""));
        lines.set(3, lines.get(3).replaceFirst("\"householdId\":\"[0-9a-f-]+\"", "\"householdId\":\"00000000-0000-4000-8000-000000000000\""));
        lines.add(lines.get(0));
        lines.add("{not json");
        Files.write(data.resolve("person.jsonl"), lines, StandardCharsets.UTF_8);
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            assertThatThrownBy(() -> Importer.importDir(s, data, Importer.Origin.LOCAL, null))
                    .isInstanceOf(DatasetException.class)
                    .satisfies(e -> {
                        List<Problem> p = ((DatasetException) e).problems();
                        assertThat(p).anySatisfy(x -> assertThat(x).extracting(Problem::file, Problem::line, Problem::field)
                                .containsExactly("person.jsonl", 2, "sex"));
                        assertThat(p).anySatisfy(x -> assertThat(x).extracting(Problem::line, Problem::field).containsExactly(3, "birthDate"));
                        assertThat(p).anySatisfy(x -> assertThat(x).extracting(Problem::line, Problem::field).containsExactly(4, "householdId"));
                        assertThat(p).anySatisfy(x -> assertThat(x).extracting(Problem::line, Problem::field).containsExactly(lines.size() - 1, "id"));
                        assertThat(p).anySatisfy(x -> assertThat(x.line()).isEqualTo(lines.size()));
                        assertThat(p.toString()).contains("Valeur inconnue « Q »");
                    });
            int households = s.read(ctx -> ctx.fetchCount(Tables.HOUSEHOLD));
            int journal = s.read(ctx -> ctx.fetchCount(Tables.CHANGE_JOURNAL));
            assertThat(households).isZero();
            assertThat(journal).isZero();
        }
    }

    @Test
    void importingTheSameDataTwiceIsRefusedWithoutChange() {
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            Importer.importDir(s, sampleData(), Importer.Origin.REFERENCE, null);
            int before = s.read(ctx -> ctx.fetchCount(Tables.PERSON));
            assertThatThrownBy(() -> Importer.importDir(s, sampleData(), Importer.Origin.REFERENCE, null))
                    .isInstanceOf(DatasetException.class).hasMessageContaining("déjà utilisé");
            int after = s.read(ctx -> ctx.fetchCount(Tables.PERSON));
            assertThat(after).isEqualTo(before);
        }
    }
}
