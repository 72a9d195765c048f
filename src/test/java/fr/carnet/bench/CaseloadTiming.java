package fr.carnet.bench;

import fr.carnet.domain.Enums.Role;
import fr.carnet.store.CaseloadQueries;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;

/** Times the caseload query alone on a benchmark store (diagnostics for DeskBench). */
public final class CaseloadTiming {
    public static void main(String[] args) {
        try (Store s = Store.open(Path.of(args[0]), DeskBench.PASS)) {
            DeskIdentity id = DeskIdentity.load(s).orElseThrow();
            for (String q : new String[] {"", "", "", "m", "helene", "mar"}) {
                long t = System.nanoTime();
                int n = s.read(c -> CaseloadQueries.list(c, new CaseloadQueries.Filter(q, false, false, false, false, false, false),
                        id.workerId(), Role.AS, LocalDate.of(2026, 11, 26), 200)).size();
                System.out.printf("%-8s %4d rows %7.1f ms%n", "'" + q + "'", n, (System.nanoTime() - t) / 1e6);
            }
            s.read(c -> {
                for (var r : c.fetch("EXPLAIN QUERY PLAN SELECT count(*) FROM household h WHERE EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.birth_date > '2020-01-01')"))
                    System.out.println(r.get(3));
                return null;
            });
        }
    }
}
