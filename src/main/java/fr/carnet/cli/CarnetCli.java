package fr.carnet.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code carnet <subcommand> …}: the administrators' command line, the same from Maven
 * ({@code ./mvnw -q exec:java@cli -Dexec.args="…"}) and from the packaged app.
 */
public final class CarnetCli {
    private final Map<String, Subcommand> commands = new LinkedHashMap<>();

    public CarnetCli() {
        add(new ImportCommand());
        add(new GenerateCommand());
        add(new fr.carnet.server.ServerCommand());
        add(new ReportCommand());
        add(new fr.carnet.server.ServerAdminCommand());
    }

    /** Whether a word names a subcommand (or help), so that the packaged app can dispatch to it. */
    public static boolean isSubcommand(String word) {
        return word.equals("help") || word.equals("--help") || new CarnetCli().commands.containsKey(word);
    }

    private void add(Subcommand c) {
        commands.put(c.name(), c);
    }

    public static void main(String[] args) {
        int code = new CarnetCli().run(Arrays.asList(args), System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /** Runs one subcommand and returns its exit code (2: usage error). */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            usage(out);
            return args.isEmpty() ? 2 : 0;
        }
        Subcommand c = commands.get(args.get(0));
        if (c == null) {
            err.println("carnet: unknown subcommand '" + args.get(0) + "'");
            usage(err);
            return 2;
        }
        try {
            return c.run(args.subList(1, args.size()), out, err);
        } catch (Args.UsageException e) {
            err.println("carnet " + c.name() + ": " + e.getMessage());
            err.println("usage: carnet " + c.usage());
            return 2;
        } catch (Exception e) {
            // The message only: a stack trace could carry personal data from a record.
            err.println("carnet " + c.name() + ": " + e.getMessage());
            return 1;
        }
    }

    private void usage(PrintStream s) {
        s.println("usage: carnet <subcommand> …");
        for (Subcommand c : commands.values()) s.println("  " + c.usage());
    }
}
