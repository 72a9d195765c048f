package fr.carnet.cli;

import fr.carnet.dataset.Dataset;
import fr.carnet.dataset.SampleGenerator;
import fr.carnet.domain.RecordType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@code generate --persons N --seed S --out DIR [--today YYYY-MM-DD]}: a fictional dataset, the same for the same seed. */
final class GenerateCommand implements Subcommand {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate --persons N --seed S --out DIR [--today YYYY-MM-DD]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of(), Set.of("--persons", "--seed", "--out", "--today"));
        int persons;
        long seed;
        LocalDate today;
        try {
            persons = Integer.parseInt(a.require("--persons"));
            seed = Long.parseLong(a.get("--seed").orElse("42"));
            today = a.get("--today").map(LocalDate::parse).orElse(SampleGenerator.DEFAULT_TODAY);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new Args.UsageException("--persons and --seed take whole numbers, --today a date YYYY-MM-DD");
        }
        if (persons < 1 || persons > 10_000_000) throw new Args.UsageException("--persons must be between 1 and 10000000");
        Path dir = Path.of(a.require("--out"));
        Dataset ds = new SampleGenerator(seed, persons, today).generate();
        SampleGenerator.write(ds, dir);
        out.printf("%d households, %d persons, %d contacts, %d visits, %d plans, %d measurements, %d aid requests written to %s%n",
                ds.count(RecordType.HOUSEHOLD), ds.count(RecordType.PERSON), ds.count(RecordType.CONTACT),
                ds.count(RecordType.VISIT), ds.count(RecordType.PLAN), ds.count(RecordType.MEASUREMENT),
                ds.count(RecordType.AID), dir);
        return 0;
    }
}
