package fr.carnet.cli;

import fr.carnet.dataset.DatasetException;
import fr.carnet.dataset.Importer;
import fr.carnet.dataset.Problem;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.Store;
import fr.carnet.store.StoreException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code import --store FILE --passphrase-file FILE [--create] [--as-reference] DIR}: checks the
 * whole folder first, reports every problem (file, line, record, field) and imports all or nothing.
 */
final class ImportCommand implements Subcommand {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import --store FILE --passphrase-file FILE [--create] [--as-reference] DIR";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("--create", "--as-reference"), Set.of("--store", "--passphrase-file"));
        if (a.positional().size() != 1) throw new Args.UsageException("one dataset folder expected");
        Path storeFile = Path.of(a.require("--store"));
        char[] pass = readPassphrase(Path.of(a.require("--passphrase-file")));
        Path dir = Path.of(a.positional().get(0));
        try (Store store = a.flag("--create") && !Store.exists(storeFile) ? Store.create(storeFile, pass) : Store.open(storeFile, pass)) {
            Arrays.fill(pass, '\0');
            Map<RecordType, Integer> counts = Importer.importDir(store, dir,
                    a.flag("--as-reference") ? Importer.Origin.REFERENCE : Importer.Origin.LOCAL, null);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.println(Messages.get("import.done", total, counts.getOrDefault(RecordType.HOUSEHOLD, 0),
                    counts.getOrDefault(RecordType.PERSON, 0)));
            return 0;
        } catch (DatasetException e) {
            for (Problem p : e.problems()) err.println(p);
            err.println(Messages.get("import.failed", e.problems().size()));
            return 1;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static char[] readPassphrase(Path f) throws java.io.IOException {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        // A trailing newline from an editor or `echo` is not part of the passphrase.
        return s.replaceAll("[\\r\\n]+$", "").toCharArray();
    }
}
