package fr.carnet.server;

import fr.carnet.cli.Args;
import fr.carnet.cli.Subcommand;
import fr.carnet.dataset.Dataset;
import fr.carnet.dataset.DatasetException;
import fr.carnet.dataset.DatasetReader;
import fr.carnet.dataset.Organisation;
import fr.carnet.dataset.Problem;
import fr.carnet.security.PassphrasePolicy;
import fr.carnet.domain.Violation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code server-admin --db URL <action> …}: what an administrator does to a server's accounts
 * and files without going through a laptop.
 * <ul>
 * <li>{@code organisation DIR} — adds or updates the sectors and workers of {@code DIR/organisation.json}
 * (no password: each account gets one with {@code password}).</li>
 * <li>{@code password LOGIN --password-file FILE} — sets an account's password (policy checked).</li>
 * <li>{@code revoke LOGIN [--no-final-push] [--final-push-days N]} — the account can no longer log in; its
 * tokens stop working at once (401 REVOKED), except that each of its laptops may still send its
 * pending changes once, within N days (7 by default), before it wipes itself (security-002).</li>
 * <li>{@code revoke-device DEVICE_ID [--no-final-push] [--final-push-days N]} — the same for one laptop
 * (its device id, see {@code devices}); the accounts stay valid elsewhere.</li>
 * <li>{@code devices LOGIN} — the devices an account logged in from: device id, name, replica, revocation.</li>
 * <li>{@code assign HOUSEHOLD --sector ID [--referents ID,ID]} — moves a household; laptops that lose
 * it receive an evict, those that gain it an upsert.</li>
 * <li>{@code purge household|person ID --reason TEXT [--by LOGIN]} — RGPD erasure: the record and
 * everything under it keep only their type and id; every laptop that holds them receives an evict.
 * The reason goes to the audit trail: an administrative reason, never personal data.</li>
 * <li>{@code retention [--years N] [--dry-run] [--by LOGIN]} — purges the household files with no open
 * plan and no change for N years (default: the setting, 5 unless changed); {@code --dry-run} lists them.</li>
 * <li>{@code retention-years N} — changes the retention setting.</li>
 * </ul>
 */
public final class ServerAdminCommand implements Subcommand {
    @Override
    public String name() {
        return "server-admin";
    }

    @Override
    public String usage() {
        return "server-admin --db URL (organisation DIR | password LOGIN --password-file FILE | revoke LOGIN | revoke-device DEVICE_ID | devices LOGIN"
                + " | assign HOUSEHOLD --sector ID [--referents ID,ID]"
                + " | purge household|person ID --reason TEXT [--by LOGIN] | retention [--years N] [--dry-run] [--by LOGIN] | retention-years N)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("--dry-run", "--no-final-push"),
                Set.of("--db", "--password-file", "--sector", "--referents", "--reason", "--by", "--years", "--final-push-days"));
        List<String> pos = a.positional();
        int arity = pos.isEmpty() ? 2 : switch (pos.get(0)) {
            case "retention" -> 1;
            case "purge" -> 3;
            default -> 2;
        };
        if (pos.size() != arity) throw new Args.UsageException("an action and its argument are expected");
        try (ServerDb db = new ServerDb(a.require("--db"))) {
            SyncApi api = new SyncApi(db, ServerConfig.defaults());
            Admin admin = new Admin(api);
            switch (pos.get(0)) {
                case "organisation" -> {
                    Dataset ds;
                    try {
                        ds = DatasetReader.read(Path.of(pos.get(1)));
                    } catch (DatasetException e) {
                        for (Problem p : e.problems()) err.println(p);
                        return 1;
                    }
                    Organisation org = ds.organisation();
                    for (Organisation.Sector s : org.sectors()) admin.sector(s.id(), s.name(), s.territoryId());
                    for (Organisation.Worker w : org.workers()) {
                        String existing = db.tx(ctx -> {
                            var r = ctx.fetchOne("SELECT pw_hash FROM srv_worker WHERE id = ?", w.id());
                            return r == null ? null : r.get(0, String.class);
                        });
                        if (existing == null) admin.worker(w.id(), w.login(), w.displayName(), w.role(), w.sectorIds(), null);
                        else db.tx(ctx -> {
                            ctx.execute("UPDATE srv_worker SET display_name = ?, role = ? WHERE id = ?", w.displayName(), w.role().name(), w.id());
                            ctx.execute("DELETE FROM srv_worker_sector WHERE worker_id = ?", w.id());
                            for (String s : w.sectorIds()) ctx.execute("INSERT INTO srv_worker_sector (worker_id, sector_id) VALUES (?,?)", w.id(), s);
                            return null;
                        });
                    }
                    out.println(org.sectors().size() + " sectors, " + org.workers().size() + " workers");
                }
                case "password" -> {
                    String login = pos.get(1);
                    char[] pw = Files.readString(Path.of(a.require("--password-file")), StandardCharsets.UTF_8)
                            .replaceAll("[\\r\\n]+$", "").toCharArray();
                    List<Violation> v = PassphrasePolicy.check(pw, login, null);
                    if (!v.isEmpty()) {
                        v.forEach(x -> err.println(x.message()));
                        return 1;
                    }
                    Passwords.Hash h = Passwords.hash(pw, api.config().passwordIterations());
                    Arrays.fill(pw, '\0');
                    int n = db.tx(ctx -> ctx.execute("UPDATE srv_worker SET pw_hash = ?, pw_salt = ?, pw_iterations = ?, active = 1 WHERE login = ?",
                            h.hash(), h.salt(), h.iterations(), login));
                    if (n == 0) {
                        err.println("no such account");
                        return 1;
                    }
                    out.println("password set");
                }
                case "revoke" -> {
                    // Tokens are kept: a laptop using one learns of the revocation (401 REVOKED) and wipes itself.
                    int n = new Revocations(api).revokeWorker(pos.get(1), finalPush(a));
                    if (n < 0) {
                        err.println("no such account");
                        return 1;
                    }
                    out.println("account revoked (" + n + " device(s)" + (finalPush(a).isZero() ? ", no final push" : "") + ")");
                }
                case "revoke-device" -> {
                    int n = new Revocations(api).revokeDevice(pos.get(1), finalPush(a));
                    out.println("device revoked (" + n + " account(s) on it" + (finalPush(a).isZero() ? ", no final push" : "") + ")");
                }
                case "devices" -> {
                    List<Revocations.Device> ds = new Revocations(api).devices(pos.get(1));
                    if (ds == null) {
                        err.println("no such account");
                        return 1;
                    }
                    for (Revocations.Device d : ds)
                        out.println(d.deviceId() + "\t" + d.replica() + "\t" + d.name() + (d.revoked().isEmpty() ? "" : "\t" + d.revoked()));
                }
                case "assign" -> {
                    List<String> refs = a.get("--referents").map(s -> List.of(s.split(","))).orElse(null);
                    admin.assign(pos.get(1), a.require("--sector"), refs, null);
                    out.println("household assigned");
                }
                case "purge", "retention", "retention-years" -> {
                    return RetentionAdmin.run(api, pos, a, out, err);
                }
                default -> throw new Args.UsageException("unknown action " + pos.get(0));
            }
        }
        return 0;
    }

    /** The final push window of a revocation: none with --no-final-push, else --final-push-days (default 7). */
    private static java.time.Duration finalPush(Args a) {
        if (a.flag("--no-final-push")) return java.time.Duration.ZERO;
        String days = a.get("--final-push-days").orElse(null);
        if (days == null) return Revocations.DEFAULT_FINAL_PUSH;
        try {
            int d = Integer.parseInt(days);
            if (d < 0 || d > 365) throw new NumberFormatException();
            return java.time.Duration.ofDays(d);
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--final-push-days expects a number of days from 0 to 365");
        }
    }
}
