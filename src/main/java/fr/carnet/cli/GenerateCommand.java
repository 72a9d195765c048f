package fr.carnet.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code generate --persons N --seed S --out DIR}.. */
final class GenerateCommand implements Subcommand {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate --persons N --seed S --out DIR";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        throw new Args.UsageException("not yet available");
    }
}
