package fr.carnet.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code import --store FILE --passphrase-file FILE DIR}. */
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
    public int run(List<String> args, PrintStream out, PrintStream err) {
        throw new Args.UsageException("not yet available");
    }
}
