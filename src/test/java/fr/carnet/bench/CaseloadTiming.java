package fr.carnet.bench;

import fr.carnet.domain.Enums.Role;
import fr.carnet.store.CaseloadQueries;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;

/** Times the caseload query alone on a benchmark store, and shows the plans (diagnostics for DeskBench). */
public final class CaseloadTiming {
    public static void main(String[] args) {
        try (Store s = Store.open(Path.of(args[0]), DeskBench.PASS)) {
            DeskIdentity id = DeskIdentity.load(s).orElseThrow();
            String[] qs = {"", "", "", "m", "ma", "mar", "mart", "helene", "hel", "dup", "lefe", "noe", "tra", "jer", "rou", "lill", "59200",
                    "benali fatou", "m", "helene", ""};
            for (String q : qs) {
                for (boolean mine : new boolean[] {false, true}) {
                    long t = System.nanoTime();
                    int n = s.read(c -> CaseloadQueries.list(c, new CaseloadQueries.Filter(q, mine, false, false, false, false, false),
                            id.workerId(), Role.AS, LocalDate.of(2026, 11, 26), 200)).size();
                    System.out.printf("%-14s mine=%-5s %4d rows %7.1f ms%n", "'" + q + "'", mine, n, (System.nanoTime() - t) / 1e6);
                }
            }
            s.read(c -> {
                for (String sql : new String[] {
                        "EXPLAIN QUERY PLAN SELECT h.rid FROM household h WHERE h.deleted = 0 ORDER BY h.last_contact IS NULL, h.last_contact DESC, h.label LIMIT 200",
                        "EXPLAIN QUERY PLAN SELECT h.rid FROM household h WHERE h.deleted = 0 AND (h.rid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH 'm*')"
                                + " OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.deleted = 0 AND +p.rid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH 'm*')))"
                                + " ORDER BY h.last_contact IS NULL, h.last_contact DESC, h.label LIMIT 200"}) {
                    System.out.println(sql.substring(19, 80));
                    for (var r : c.fetch(sql)) System.out.println("  " + r.get(3));
                }
                return null;
            });
        }
    }
}
