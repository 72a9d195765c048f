package fr.carnet.server;

import fr.carnet.cli.Args;
import java.io.PrintStream;
import java.util.List;

/**
 * The purge and retention actions of {@code server-admin} (see {@link ServerAdminCommand}). What it
 * prints names ids and counts only, never case content.
 */
final class RetentionAdmin {
    private RetentionAdmin() {}

    static int run(SyncApi api, List<String> pos, Args a, PrintStream out, PrintStream err) {
        Purge purge = new Purge(api);
        String by = null;
        if (a.get("--by").isPresent()) {
            by = api.db().tx(ctx -> {
                var r = ctx.fetchOne("SELECT id FROM srv_worker WHERE login = ?", a.get("--by").get());
                return r == null ? null : r.get(0, String.class);
            });
            if (by == null) {
                err.println("no such account");
                return 1;
            }
        }
        switch (pos.get(0)) {
            case "purge" -> {
                String reason = a.require("--reason").strip();
                if (reason.isEmpty()) throw new Args.UsageException("--reason must not be empty");
                String id = pos.get(2);
                try {
                    Purge.Result r = switch (pos.get(1)) {
                        case "household" -> purge.household(id, reason, by);
                        case "person" -> purge.person(id, reason, by);
                        default -> throw new Args.UsageException("purge household ID or purge person ID");
                    };
                    out.println(r.type() + " " + r.id() + " purged: " + r.records() + " records erased");
                } catch (Purge.NotFound e) {
                    err.println(e.getMessage());
                    return 1;
                }
            }
            case "retention" -> {
                int years = a.get("--years").map(RetentionAdmin::years).orElseGet(purge::retentionYears);
                if (a.flag("--dry-run")) {
                    List<Purge.Candidate> c = purge.retentionCandidates(years);
                    for (Purge.Candidate x : c) out.println(x.householdId() + " last activity " + x.lastActivity());
                    out.println(c.size() + " household files older than " + years + " years (dry run, nothing purged)");
                } else {
                    List<Purge.Result> done = purge.retention(years, by);
                    for (Purge.Result r : done) out.println(r.id() + " purged: " + r.records() + " records erased");
                    out.println(done.size() + " household files purged (retention " + years + " years)");
                }
            }
            default -> {
                int years = years(pos.get(1));
                purge.retentionYears(years);
                out.println("retention set to " + years + " years");
            }
        }
        return 0;
    }

    private static int years(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 100) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new Args.UsageException("years must be 1..100");
    }
}
