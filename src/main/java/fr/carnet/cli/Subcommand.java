package fr.carnet.cli;

import java.io.PrintStream;
import java.util.List;

/** One administrator subcommand of {@code carnet}. */
public interface Subcommand {
    /** The word typed after {@code carnet}. */
    String name();

    /** One line of usage, shown by {@code carnet help}. */
    String usage();

    /**
     * Runs the subcommand. {@code out} is the command's own output (what the administrator asked
     * for), {@code err} its diagnostics. Returns the process exit code.
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
