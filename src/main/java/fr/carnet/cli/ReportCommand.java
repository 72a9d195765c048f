package fr.carnet.cli;

import static fr.carnet.store.generated.Tables.WORKER;

import fr.carnet.domain.Enums.Role;
import fr.carnet.i18n.Messages;
import fr.carnet.report.BatchReport;
import fr.carnet.report.ReportOptions;
import fr.carnet.store.Store;
import fr.carnet.store.StoreException;
import fr.carnet.store.StoreMeta;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code report --store FILE --passphrase-file FILE --out DIR [--household ID | --sector NAME |
 * --worker LOGIN | --all] [--role ROLE] [--locale fr-FR|fr-CH] [--single-file]}: prints case
 * summaries, one PDF per household (or one PDF with {@code --single-file}). The role defaults to
 * the store owner's; what that role may not read is not printed.
 */
final class ReportCommand implements Subcommand {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report --store FILE --passphrase-file FILE --out DIR [--household ID | --sector NAME | --worker LOGIN | --all] "
                + "[--role ROLE] [--locale fr-FR|fr-CH] [--single-file]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("--all", "--single-file"),
                Set.of("--store", "--passphrase-file", "--out", "--household", "--sector", "--worker", "--role", "--locale"));
        if (!a.positional().isEmpty()) throw new Args.UsageException("unexpected argument " + a.positional().get(0));
        long chosen = List.of("--household", "--sector", "--worker").stream().filter(o -> a.get(o).isPresent()).count() + (a.flag("--all") ? 1 : 0);
        if (chosen != 1) throw new Args.UsageException("choose one of --household, --sector, --worker or --all");
        Locale locale = Locale.forLanguageTag(a.get("--locale").orElse("fr-FR"));
        if (!List.of("fr-FR", "fr-CH", "en").contains(locale.toLanguageTag())) throw new Args.UsageException("--locale is fr-FR, fr-CH or en");
        Role explicitRole = null;
        if (a.get("--role").isPresent()) {
            try {
                explicitRole = Role.valueOf(a.get("--role").get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("unknown role " + a.get("--role").get());
            }
        }
        Path storeFile = Path.of(a.require("--store"));
        Path outDir = Path.of(a.require("--out"));
        char[] pass = ImportCommand.readPassphrase(Path.of(a.require("--passphrase-file")));
        try (Store store = Store.open(storeFile, pass)) {
            Arrays.fill(pass, '\0');
            String[] owner = store.read(ctx -> {
                String id = StoreMeta.get(ctx, StoreMeta.OWNER_ID).orElse(null);
                String n = id == null ? null : ctx.select(WORKER.DISPLAY_NAME).from(WORKER).where(WORKER.ID.eq(id)).fetchOne(WORKER.DISPLAY_NAME);
                return new String[] {n, StoreMeta.get(ctx, StoreMeta.OWNER_ROLE).orElse(null)};
            });
            Role role = explicitRole != null ? explicitRole : owner[1] != null ? Role.valueOf(owner[1]) : Role.SUPERVISOR;
            if (!role.holdsCaseData()) {
                err.println(Messages.get("report.error.role"));
                return 1;
            }
            String printedBy = owner[0] != null ? owner[0] : Messages.get(locale, "report.cli.operator");
            BatchReport batch = new BatchReport(store, ReportOptions.of(role, printedBy, locale));
            BatchReport.Selection selection;
            if (a.get("--household").isPresent()) selection = BatchReport.Selection.households(List.of(a.get("--household").get()));
            else if (a.get("--sector").isPresent()) {
                String name = a.get("--sector").get();
                String id = batch.sectorId(name).orElse(null);
                if (id == null) {
                    err.println(Messages.get("report.cli.noSector", name));
                    return 1;
                }
                selection = BatchReport.Selection.sector(id, name);
            } else if (a.get("--worker").isPresent()) {
                String login = a.get("--worker").get();
                String[] w = store.read(ctx -> {
                    var r = ctx.select(WORKER.ID, WORKER.DISPLAY_NAME).from(WORKER).where(WORKER.LOGIN.eq(login).or(WORKER.ID.eq(login))).fetchOne();
                    return r == null ? null : new String[] {r.value1(), r.value2()};
                });
                if (w == null) {
                    err.println(Messages.get("report.cli.noWorker", login));
                    return 1;
                }
                selection = BatchReport.Selection.worker(w[0], w[1]);
            } else selection = BatchReport.Selection.all();
            List<String> ids = batch.select(selection);
            if (ids.isEmpty()) {
                err.println(Messages.get("report.cli.nothing"));
                return 1;
            }
            BatchReport.Result r = batch.run(ids, selection.name(), a.flag("--single-file") ? BatchReport.Output.ONE_FILE
                    : BatchReport.Output.FILE_PER_HOUSEHOLD, outDir, null, null);
            for (Path f : r.files()) out.println(f.getFileName());
            err.println(Messages.get("report.cli.done", r.printed(), r.files().size(), outDir.toAbsolutePath()));
            return 0;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
